using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Surveys;

internal static class SurveyTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["Safety"] = new("Trygghet i området", "Safety in the area"),
        ["Useful"] = new("Var det givande", "Was it useful"),
        ["ComeAgain"] = new("Skulle komma igen", "Would come again"),
        ["Priority"] = new("Vad stadsdelen borde göra först", "What the district should do first"),
        ["Period"] = new("Indelning", "Grouping"),
        ["EventId"] = new("Evenemang", "Event"),
    };

    public static readonly Text NotFound = new("Enkätlänken finns inte. Kontrollera att hela länken från e-posten kom med.",
        "The survey link does not exist. Check that the whole link from the e-mail was used.");
    public static readonly Text BadLink = new("Enkätlänken är ofullständig. Kopiera hela länken från e-posten.",
        "The survey link is incomplete. Copy the whole link from the e-mail.");
    public static readonly Text AlreadyAnswered = new("Enkäten är redan besvarad via den här länken. Tack för ditt svar!",
        "The survey has already been answered through this link. Thank you for your answer!");
    public static readonly Text Expired = new("Enkäten stängde {0}. Det går inte längre att svara.",
        "The survey closed on {0}. It no longer takes answers.");
    public static readonly Text SafetyRange = new("Svara med en siffra från 1 (mycket otryggt) till 5 (mycket tryggt).",
        "Answer with a number from 1 (very unsafe) to 5 (very safe).");
    public static readonly Text PriorityLength = new("Skriv högst 500 tecken.", "Write at most 500 characters.");
    public static readonly Text TextNotFound = new("Det finns inget sådant enkätsvar.", "There is no such survey answer.");
    public static readonly Text AlreadyReviewed = new("Texten är redan granskad ({0}).", "The text has already been reviewed ({0}).");
    public static readonly Text TooFewAnswers = new("För få svar", "Too few answers");

    public static readonly Text Note = new(
        "Svar från deltagare i stadsdelens trygghetsdialoger och trygghetsvandringar, frivilligt efteråt. Det är inte en representativ undersökning och kan inte jämföras direkt med Polisens eller Stockholms stads trygghetsmätningar.",
        "Answers from participants in the district's safety dialogues and walks, given voluntarily afterwards. This is not a representative survey and cannot be compared directly with the police's or the City of Stockholm's safety surveys.");

    public static readonly Text ScaleLow = new("Mycket otryggt", "Very unsafe");
    public static readonly Text ScaleHigh = new("Mycket tryggt", "Very safe");
    public static readonly Text Yes = new("Ja", "Yes");
    public static readonly Text Partly = new("Delvis", "Partly");
    public static readonly Text No = new("Nej", "No");
    public static readonly Text Unsure = new("Vet inte", "Not sure");
}
