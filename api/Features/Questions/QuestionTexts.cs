using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>The problems and validation messages of questions, answers, votes and the live stream.</summary>
internal static class QuestionTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["QuestionRequest.Text"] = new("Din fråga", "Your question"),
        ["RedactionRequest.Text"] = new("Frågan", "The question"),
        ["AnswerRequest.Text"] = new("Svaret", "The answer"),
        ["DisplayName"] = new("Namn som visas", "Name shown"),
        ["AddresseeKind"] = new("Vem frågan riktar sig till", "Who the question is for"),
        ["AddresseeActorId"] = new("Vem frågan riktar sig till", "Who the question is for"),
        ["Into"] = new("Fråga att slå ihop med", "Question to merge into"),
        ["Moderation"] = new("Moderering", "Moderation"),
        ["Sort"] = new("Ordning", "Order"),
        ["ListModerationQueueQuery.Status"] = new("Status", "Status"),
        ["QuestionReceiptEmailRequest.QuestionToken"] = new("Frågelänken", "The question link"),
    };

    public static readonly Text Length = new("Frågan ska vara 3–1 000 tecken.", "The question must be 3–1,000 characters.");
    public static readonly Text ControlCharacters = new("Texten får bara innehålla vanlig text.", "The text may contain plain text only.");
    public static readonly Text NotFound = new("Frågan '{0}' finns inte.", "Question '{0}' does not exist.");

    /// <summary>Worded as the events' own text, since a dialogue is an event to whoever reads the problem.</summary>
    public static readonly Text DialogueNotFound = new("Evenemanget '{0}' finns inte.", "Event '{0}' does not exist.");

    public static readonly Text JoinCodeInvalid = new("Koden ska vara sex tecken, som K7M3PX.", "The code must be six characters, like K7M3PX.");
    public static readonly Text JoinCodeNotFound = new("Ingen dialog har koden '{0}'.", "No dialogue has the code '{0}'.");

    public static readonly Text Closed = new("Dialogen tar inte emot frågor längre: den är avslutad.", "The dialogue no longer takes questions: it has ended.");
    public static readonly Text EventCancelled = new("Dialogen är inställd.", "The dialogue is cancelled.");
    public static readonly Text AddresseeUnknown = new("Aktören som frågan riktas till finns inte.", "The actor the question is addressed to does not exist.");
    public static readonly Text Transition = new("Frågan har status '{0}' och kan inte ändras så.", "The question is '{0}' and cannot be changed that way.");
    public static readonly Text Flagged = new("Texten ser ut att innehålla personuppgifter. Redigera den eller bekräfta med acknowledgeFlags.",
        "The text looks like it holds personal data. Redact it or confirm with acknowledgeFlags.");
    public static readonly Text MergeTarget = new("En fråga kan bara slås ihop med en annan väntande eller publicerad fråga i samma dialog.",
        "A question can only be merged into another pending or published question of the same dialogue.");
    public static readonly Text VersionMismatch = new("Frågan har ändrats sedan du läste den.", "The question has changed since you read it.");
    public static readonly Text NotPublished = new("Bara publicerade frågor kan besvaras.", "Only published questions can be answered.");
    public static readonly Text BadLink = new("Ogiltig frågelänk.", "Invalid question link.");
    public static readonly Text LinkUnknown = new("Det finns ingen fråga med den här länken. Kontrollera att hela länken kom med.",
        "There is no question with this link. Check that the whole link was copied.");
    public static readonly Text AnswerNotInvited = new("Bara aktörer som tackat ja till en inbjudan till dialogen kan svara på dess frågor.",
        "Only actors who accepted an invitation to the dialogue can answer its questions.");
    public static readonly Text AnswerTextOrLive = new("Skriv ett svar eller markera frågan som besvarad på plats.", "Write an answer or mark the question answered live.");
    public static readonly Text BadVoterToken = new("Ogiltig röstnyckel.", "Invalid voter token.");
    public static readonly Text UnknownVoterToken = new("Röstnyckeln är okänd. Hämta en ny.", "The voter token is unknown. Get a new one.");
    public static readonly Text BadLastEventId = new("Last-Event-ID ska vara ett heltal ≥ 0.", "Last-Event-ID must be an integer ≥ 0.");
}
