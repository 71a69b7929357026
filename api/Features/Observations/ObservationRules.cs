namespace Trygghet.Api.Features.Observations;

/// <summary>Which status changes the follow-up allows.</summary>
public static class ObservationRules
{
    private static readonly ObservationStatus[] Forward =
        [ObservationStatus.Reported, ObservationStatus.Investigating, ObservationStatus.Planned, ObservationStatus.InProgress, ObservationStatus.Fixed];

    public static bool IsOpen(ObservationStatus status) => status is ObservationStatus.Reported or ObservationStatus.Investigating
        or ObservationStatus.Planned or ObservationStatus.InProgress;

    /// <summary>Statuses that end the follow-up with a public note.</summary>
    public static bool NeedsNote(ObservationStatus status) => status is ObservationStatus.NotResponsible or ObservationStatus.Duplicate or ObservationStatus.Closed;

    /// <summary>
    /// Forward along <c>reported → investigating → planned → inProgress → fixed</c> (steps may be skipped); from any open
    /// status to notResponsible, duplicate or closed; from fixed to closed. Never back, never out of an ended status.
    /// </summary>
    public static bool Allows(ObservationStatus from, ObservationStatus to) =>
        (IsOpen(from) && Array.IndexOf(Forward, to) > Array.IndexOf(Forward, from))
        || (IsOpen(from) && NeedsNote(to))
        || (from == ObservationStatus.Fixed && to == ObservationStatus.Closed);
}
