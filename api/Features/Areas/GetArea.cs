using System.Text.Json;
using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Areas;

public sealed record GetAreaQuery(string Slug) : IQuery<AreaDetail>;

public sealed class GetAreaValidator : AbstractValidator<GetAreaQuery>
{
    public GetAreaValidator() => RuleFor(q => q.Slug).AreaSlug();
}

public sealed class GetAreaHandler(DbSession db) : IQueryHandler<GetAreaQuery, AreaDetail>
{
    private sealed record Row(Guid Id, string Slug, string Name, string Kind, int? Population, int? PopulationYear, string? Boundary, int Version,
        string? ParentSlug, string? ParentName, string? ParentKind);

    private sealed record ChildRow(string Slug, string Name, string Kind);

    public async ValueTask<AreaDetail> Handle(GetAreaQuery query, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>("""
            select a.id, a.slug, a.name, a.kind, a.population, a.population_year, a.boundary::text as boundary, a.version,
                   p.slug as parent_slug, p.name as parent_name, p.kind as parent_kind
            from area a left join area p on p.id = a.parent_id
            where a.slug = @Slug
            """, query, ct) ?? throw new NotFoundException(AreaTexts.NotFound, query.Slug);
        var children = await db.QueryAsync<ChildRow>("""
            select slug, name, kind from area where parent_id = @Id order by name
            """, new { row.Id }, ct);
        return new AreaDetail(
            row.Slug,
            row.Name,
            AreaKinds.Parse(row.Kind),
            row.ParentSlug is null ? null : new AreaRef(row.ParentSlug, row.ParentName!, AreaKinds.Parse(row.ParentKind!)),
            children.Select(c => new AreaRef(c.Slug, c.Name, AreaKinds.Parse(c.Kind))).ToList(),
            row.Population,
            row.PopulationYear,
            row.Boundary is null ? null : JsonDocument.Parse(row.Boundary).RootElement.Clone(),
            row.Version);
    }
}
