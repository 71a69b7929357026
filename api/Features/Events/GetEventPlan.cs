using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

public sealed record GetEventPlan(Guid Id) : IQuery<EventPlan>;

public sealed class GetEventPlanHandler(DbSession db, TimeProvider clock) : IQueryHandler<GetEventPlan, EventPlan>
{
    public async ValueTask<EventPlan> Handle(GetEventPlan query, CancellationToken ct) =>
        (await db.LoadAsync(query.Id, ct)).ToPlan(clock.GetUtcNow());
}
