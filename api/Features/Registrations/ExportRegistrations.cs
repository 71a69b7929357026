using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Features.Statistics;
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
        // What residents typed must not run as a formula when the file is opened in a spreadsheet.
        static string? Text(string? value) => value is { Length: > 0 } && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;
        return StatisticsResponses.Csv(
            ["mode", "status", "waitlist_position", "check_in_code", "name", "email", "accessibility_needs", "registered_at", "checked_in_at", "joined_at", "erased_at"],
            rows.Select(r => new object?[]
            {
                r.Mode, r.Status, r.WaitlistPosition, r.CheckInCode, Text(r.Name), Text(r.Email), Text(r.Needs), At(r.CreatedAt), At(r.CheckedInAt), At(r.JoinedAt), At(r.ErasedAt),
            }));
    }
}
