using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

public sealed record ExportRegistrationsQuery(Guid EventId) : IQuery<string>;

/// <summary>All of an event's registrations as CSV, times in Europe/Stockholm; the export is audited.</summary>
public sealed class ExportRegistrationsHandler(DbSession db, AuditLog audit) : IQueryHandler<ExportRegistrationsQuery, string>
{
    public async ValueTask<string> Handle(ExportRegistrationsQuery query, CancellationToken ct)
    {
        await db.LoadAsync(query.EventId, ct);
        var rows = await db.QueryAsync<RegistrationRow>(RegistrationRow.Select + " where r.event_id = @EventId order by r.queue", query, ct);
        await audit.WriteAsync("registration.export", "event", query.EventId.ToString(), new { count = rows.Count }, ct);
        static DateTimeOffset? At(DateTimeOffset? at) => at is { } value ? Time.Local(value) : null;
        return Csv.Write(
            ["mode", "status", "waitlist_position", "check_in_code", "name", "email", "accessibility_needs", "registered_at", "checked_in_at", "joined_at", "erased_at"],
            rows.Select(r => new object?[]
            {
                r.Mode, r.Status, r.WaitlistPosition, r.CheckInCode, r.Name, r.Email, r.Needs, At(r.CreatedAt), At(r.CheckedInAt), At(r.JoinedAt), At(r.ErasedAt),
            }));
    }
}
