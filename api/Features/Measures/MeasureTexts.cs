using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Measures;

internal static class MeasureTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["MeasureInput.Description"] = new("Beskrivning", "Description"),
        ["MeasureInput.Status"] = new("Status", "Status"),
        ["ObservationIds"] = new("Iakttagelser", "Observations"),
        ["EventIds"] = new("Evenemang", "Events"),
        ["StartsOn"] = new("Startdatum", "Start date"),
        ["CompletedOn"] = new("Klart datum", "Completion date"),
    };

    public static readonly Text NotFound = new("Åtgärden '{0}' finns inte.", "Measure '{0}' does not exist.");
    public static readonly Text FeedTitle = new("Trygghetsskapande åtgärder och iakttagelser: {0}", "Safety measures and observations: {0}");
    public static readonly Text FeedMeasure = new("Åtgärd: {0}", "Measure: {0}");
    public static readonly Text FeedObservation = new("Iakttagelse: {0}", "Observation: {0}");

    /// <summary>A measure's status in words.</summary>
    public static Text Status(MeasureStatus status) => status switch
    {
        MeasureStatus.Planned => new("Planerad", "Planned"),
        MeasureStatus.InProgress => new("Pågår", "In progress"),
        MeasureStatus.Completed => new("Genomförd", "Completed"),
        _ => new("Inställd", "Cancelled"),
    };

    public static readonly Text CompletedBeforeStart = new("Klart datum får inte vara före startdatum.", "The completion date cannot be before the start date.");

    public static readonly Text LinkUnknown = new("En länkad iakttagelse eller ett länkat evenemang finns inte.", "A linked observation or event does not exist.");
}
