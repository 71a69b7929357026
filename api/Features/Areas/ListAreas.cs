using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Areas;

public sealed record ListAreasQuery : IQuery<IReadOnlyList<AreaNode>>;

public sealed class ListAreasHandler(DbSession db) : IQueryHandler<ListAreasQuery, IReadOnlyList<AreaNode>>
{
    private sealed record Row(Guid Id, Guid? ParentId, string Slug, string Name, string Kind, int? Population, int? PopulationYear);

    public async ValueTask<IReadOnlyList<AreaNode>> Handle(ListAreasQuery query, CancellationToken ct)
    {
        var rows = await db.QueryAsync<Row>("""
            select id, parent_id, slug, name, kind, population, population_year
            from area
            order by name
            """, null, ct);
        var children = rows.ToLookup(r => r.ParentId);
        AreaNode Build(Row row) => new(row.Slug, row.Name, AreaKinds.Parse(row.Kind), row.Population, row.PopulationYear,
            children[row.Id].Select(Build).ToList());
        return children[null].Select(Build).ToList();
    }
}
