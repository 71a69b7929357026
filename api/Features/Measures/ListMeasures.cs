using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Measures;

public sealed record ListMeasuresQuery(string? Area, MeasureStatus? Status, int? Limit, string? Cursor) : IQuery<Page<Measure>>;

public sealed class ListMeasuresValidator : AbstractValidator<ListMeasuresQuery>
{
    public ListMeasuresValidator(KnownAreas areas)
    {
        RuleFor(q => q.Area!).KnownArea(areas).When(q => q.Area is not null);
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class ListMeasuresHandler(DbSession db) : IQueryHandler<ListMeasuresQuery, Page<Measure>>
{
    public async ValueTask<Page<Measure>> Handle(ListMeasuresQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var at, out var after);
        var filters = new List<string> { "true" };
        if (query.Area is not null)
            filters.Add("(a.slug = @Area or a.parent_id = (select id from area where slug = @Area) or a.id = (select parent_id from area where slug = @Area))");
        if (query.Status is not null) filters.Add("m.status = @Status");
        if (hasCursor) filters.Add("(m.created_at, m.id) < (@At, @After)");
        var items = await db.LoadMeasuresAsync(string.Join(" and ", filters),
            new { query.Area, Status = query.Status is { } s ? WireName.Of(s) : null, At = at, After = after }, ct, limit + 1);
        var page = items.Take(limit).ToList();
        return new Page<Measure>(page, items.Count > limit ? Cursor.Encode(page[^1].CreatedAt, page[^1].Id) : null);
    }
}
