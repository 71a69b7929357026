using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

public sealed record GetObservationQuery(Guid Id) : IQuery<Observation>;

public sealed class GetObservationHandler(DbSession db, TimeProvider clock) : IQueryHandler<GetObservationQuery, Observation>
{
    public async ValueTask<Observation> Handle(GetObservationQuery query, CancellationToken ct) => await db.LoadObservationAsync(query.Id, clock.GetUtcNow(), ct);
}
