using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

internal static class ObservationTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["ObservationInput.Category"] = new("Kategori", "Category"),
        ["ParticipantObservationInput.Category"] = new("Kategori", "Category"),
        ["ObservationInput.Description"] = new("Beskrivning", "Description"),
        ["ParticipantObservationInput.Description"] = new("Beskrivning", "Description"),
        ["Severity"] = new("Allvar", "Severity"),
        ["StatusChangeRequest.Status"] = new("Status", "Status"),
        ["DuplicateOf"] = new("Dubblett av", "Duplicate of"),
        ["DescriptionRedaction.Text"] = new("Beskrivning", "Description"),
        ["Open311KeyRequest.Name"] = new("Namn på klienten", "Client name"),
    };

    /// <summary>An observation's status in words.</summary>
    public static Text Status(ObservationStatus status) => status switch
    {
        ObservationStatus.Reported => new("Rapporterad", "Reported"),
        ObservationStatus.Investigating => new("Utreds", "Being investigated"),
        ObservationStatus.Planned => new("Planerad", "Planned"),
        ObservationStatus.InProgress => new("Pågår", "In progress"),
        ObservationStatus.Fixed => new("Åtgärdad", "Fixed"),
        ObservationStatus.NotResponsible => new("Inte vårt ansvar", "Not our responsibility"),
        ObservationStatus.Duplicate => new("Dubblett", "Duplicate"),
        _ => new("Avslutad", "Closed"),
    };

    public static readonly Text NotFound = new("Iakttagelsen '{0}' finns inte.", "Observation '{0}' does not exist.");
    public static readonly Text OutsideDistrict = new("Platsen ligger utanför Hägersten-Älvsjö.", "The point lies outside Hägersten-Älvsjö.");
    public static readonly Text WalkUnknown = new("Trygghetsvandringen '{0}' finns inte.", "Safety walk '{0}' does not exist.");
    public static readonly Text NotAWalkParticipant = new("Bara deltagare i en trygghetsvandring kan rapportera iakttagelser med länken.",
        "Only participants of a safety walk can report observations through the link.");
    public static readonly Text OutsideWalk = new("Iakttagelser rapporteras från vandringens start till två veckor efter den.",
        "Observations are reported from the walk's start until two weeks after it.");
    public static readonly Text NoteRequired = new("Ange en offentlig kommentar.", "Give a public note.");
    public static readonly Text Transition = new("Status kan inte ändras från ”{0}” till ”{1}”.", "The status cannot change from “{0}” to “{1}”.");
    public static readonly Text Ended = new("Iakttagelsen är avslutad (”{0}”).", "The observation has ended (“{0}”).");

    public static readonly Text DuplicateUnknown = new("Ange en annan, befintlig iakttagelse som dubbletten gäller.",
        "Name another, existing observation that this one repeats.");
    public static readonly Text NotYours = new("Iakttagelsen är inte tilldelad din organisation.", "The observation is not assigned to your organisation.");
    public static readonly Text DescriptionFlagged = new(
        "Beskrivningen ser ut att innehålla personuppgifter. Redigera den, eller bekräfta att den inte pekar ut någon.",
        "The description looks like it holds personal data. Redact it, or confirm that it identifies no one.");
    public static readonly Text DescriptionNotHeld = new("Beskrivningen väntar inte på granskning.", "The description is not waiting for review.");
}
