using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

public sealed record ListOpen311KeysQuery : IQuery<IReadOnlyList<Open311Key>>;

public sealed class ListOpen311KeysHandler(DbSession db) : IQueryHandler<ListOpen311KeysQuery, IReadOnlyList<Open311Key>>
{
    public async ValueTask<IReadOnlyList<Open311Key>> Handle(ListOpen311KeysQuery query, CancellationToken ct) =>
        (await db.QueryAsync<(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)>(
            "select id, name, created_at, revoked_at from open311_key order by created_at", null, ct))
        .Select(k => new Open311Key(k.Id, k.Name, Time.Local(k.CreatedAt), k.RevokedAt is { } at ? Time.Local(at) : null)).ToList();
}
