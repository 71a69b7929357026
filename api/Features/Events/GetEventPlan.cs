using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

public sealed record GetEventPlanQuery(Guid Id) : IQuery<EventPlan>;

public sealed class GetEventPlanHandler(DbSession db, TimeProvider clock) : IQueryHandler<GetEventPlanQuery, EventPlan>
{
    public async ValueTask<EventPlan> Handle(GetEventPlanQuery query, CancellationToken ct) =>
        (await db.LoadAsync(query.Id, ct)).ToPlan(clock.GetUtcNow());
}
