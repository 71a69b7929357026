using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Alerts;

/// <summary>What subscribers are alerted about.</summary>
public enum AlertKind { Published, Cancelled, Feedback, MeasureStatus }

/// <summary>
/// Records what subscribers are to hear about, in the transaction of the change itself (so an alert exists exactly when the
/// change does). The dispatcher (<see cref="AlertDispatch"/>) turns them into e-mails later.
/// </summary>
public static class AlertEvents
{
    /// <summary>A dialogue or walk was published or cancelled, or its feedback published.</summary>
    public static Task RecordEventAsync(DbSession db, Guid eventId, AlertKind kind, DateTimeOffset now, CancellationToken ct) => db.ExecuteAsync("""
        insert into alert_event (kind, area_id, event_id, occurred_at) select @kind, area_id, id, @now from event where id = @eventId
        """, new { kind = WireName.Of(kind), eventId, now }, ct);

    /// <summary>A measure's status changed (nothing is recorded when it is the same as before).</summary>
    public static Task RecordMeasureAsync(DbSession db, Guid measureId, string? statusBefore, DateTimeOffset now, CancellationToken ct) => db.ExecuteAsync("""
        insert into alert_event (kind, area_id, measure_id, status, occurred_at)
        select 'measureStatus', area_id, id, status, @now from measure where id = @measureId and status is distinct from @statusBefore
        """, new { measureId, statusBefore, now }, ct);
}
