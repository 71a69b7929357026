using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

public sealed record ListOpen311RequestsQuery(long[]? Ids, ObservationCategory? Code, DateTimeOffset From, DateTimeOffset? To, bool? Open)
    : IQuery<IReadOnlyList<Observation>>
{
    public const int MaxRequests = 1_000;
}

public sealed class ListOpen311RequestsHandler(DbSession db, TimeProvider clock) : IQueryHandler<ListOpen311RequestsQuery, IReadOnlyList<Observation>>
{
    public async ValueTask<IReadOnlyList<Observation>> Handle(ListOpen311RequestsQuery query, CancellationToken ct)
    {
        var filters = new List<string> { ObservationRow.Listed };
        if (query.Ids is { Length: > 0 }) filters.Add("o.number = any(@Ids)");
        else
        {
            filters.Add("o.created_at >= @From");
            if (query.To is not null) filters.Add("o.created_at <= @To");
        }
        if (query.Code is not null) filters.Add("o.category = @Code");
        if (query.Open is { } open) filters.Add((open ? "" : "not ") + "o.status in ('reported', 'investigating', 'planned', 'inProgress')");
        return await db.LoadObservationsAsync(string.Join(" and ", filters),
            new { query.Ids, query.From, query.To, Code = query.Code is { } c ? WireName.Of(c) : null }, clock.GetUtcNow(), ct,
            orderBy: "o.created_at desc", limit: ListOpen311RequestsQuery.MaxRequests);
    }
}
