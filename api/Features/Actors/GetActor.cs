using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Actors;

public sealed record GetActorQuery(Guid Id) : IQuery<Actor>;

public sealed class GetActorHandler(DbSession db) : IQueryHandler<GetActorQuery, Actor>
{
    public async ValueTask<Actor> Handle(GetActorQuery query, CancellationToken ct) => await ActorRow.LoadAsync(db, query.Id, ct);
}
