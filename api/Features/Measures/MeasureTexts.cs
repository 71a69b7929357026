using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Measures;

internal static class MeasureTexts
{
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

    public static readonly Text LinkUnknown = new("En länkad iakttagelse eller ett länkat evenemang finns inte.", "A linked observation or event does not exist.");
}
