using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

public sealed record ListAssignedObservationsQuery(Guid ActorId) : IQuery<IReadOnlyList<Observation>>;

public sealed class ListAssignedObservationsHandler(DbSession db, TimeProvider clock) : IQueryHandler<ListAssignedObservationsQuery, IReadOnlyList<Observation>>
{
    public async ValueTask<IReadOnlyList<Observation>> Handle(ListAssignedObservationsQuery query, CancellationToken ct) =>
        await db.LoadObservationsAsync("o.responsible_actor_id = @ActorId", query, clock.GetUtcNow(), ct, orderBy: "o.deadline nulls last, o.created_at");
}
