using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>The id of the unrevoked key a client sent, or null.</summary>
public sealed record FindOpen311KeyQuery(string ApiKey) : IQuery<Guid?>;

public sealed class FindOpen311KeyHandler(DbSession db) : IQueryHandler<FindOpen311KeyQuery, Guid?>
{
    public async ValueTask<Guid?> Handle(FindOpen311KeyQuery query, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<Guid?>("select id from open311_key where key_hash = @Hash and revoked_at is null",
            new { Hash = SecretTokens.Hash(query.ApiKey) }, ct);
}
