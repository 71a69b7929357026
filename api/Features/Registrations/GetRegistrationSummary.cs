using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

public sealed record GetRegistrationSummaryQuery(Guid EventId) : IQuery<RegistrationSummary>;

/// <summary>Registrations and attendance on site and remote, counted from the rows (not the tally: attendance is not in it).</summary>
public sealed class GetRegistrationSummaryHandler(DbSession db, RegistrationOptions options) : IQueryHandler<GetRegistrationSummaryQuery, RegistrationSummary>
{
    public async ValueTask<RegistrationSummary> Handle(GetRegistrationSummaryQuery query, CancellationToken ct)
    {
        var row = await db.LoadAsync(query.EventId, ct);
        var counts = await db.QueryAsync<RegistrationQueue.ModeCount>(RegistrationQueue.CountsSql, query, ct);
        ModeCounts Of(RegistrationMode mode)
        {
            var c = RegistrationQueue.For(counts, mode);
            return new ModeCounts(RegistrationQueue.Capacity(row, mode), c.Confirmed, c.Waitlisted, c.Cancelled, c.Attended);
        }
        return new RegistrationSummary(row.Id, Of(RegistrationMode.OnSite), Of(RegistrationMode.Remote), row.EndsAt.AddDays(options.RetentionDays));
    }
}
