using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

public sealed record GetAvailabilityQuery(EventKind Kind, string IdOrSlug) : IQuery<Availability>;

/// <summary>Whether an event takes registrations, and the places left per mode, from the running tally.</summary>
public sealed class GetAvailabilityHandler(DbSession db, TimeProvider clock) : IQueryHandler<GetAvailabilityQuery, Availability>
{
    public async ValueTask<Availability> Handle(GetAvailabilityQuery query, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<EventRow>(EventRow.Select + """
             where e.kind = @Kind and e.status <> 'draft' and (e.slug = @IdOrSlug or e.id::text = @IdOrSlug)
            """, new { Kind = WireName.Of(query.Kind), query.IdOrSlug }, ct)
            ?? throw new NotFoundException(EventTexts.NotFound, query.IdOrSlug);
        var now = clock.GetUtcNow();
        var counts = await db.QueryAsync<RegistrationQueue.ModeCount>(RegistrationQueue.TallySql, new { EventId = row.Id }, ct);
        ModeAvailability? Of(RegistrationMode mode)
        {
            if (!RegistrationQueue.Offers(row, mode)) return null;
            var c = RegistrationQueue.For(counts, mode);
            var capacity = RegistrationQueue.Capacity(row, mode);
            return new ModeAvailability(capacity, capacity is { } places ? Math.Max(0, places - c.Confirmed) : null, c.Waitlisted);
        }
        var reason = RegistrationQueue.ClosedReason(row, now);
        return new Availability(reason is null, reason, Time.Local(RegistrationQueue.Deadline(row)), Of(RegistrationMode.OnSite), Of(RegistrationMode.Remote));
    }
}
