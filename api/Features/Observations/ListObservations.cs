using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <param name="IncludeHeld">Also residents' reports still held for review (for staff, moderators and admins).</param>
public sealed record ListObservationsQuery(string? Area, ObservationStatus? Status, ObservationCategory? Category, Guid? WalkId, bool? Overdue,
    int? Limit, string? Cursor, bool IncludeHeld = false) : IQuery<Page<Observation>>;

public sealed class ListObservationsValidator : AbstractValidator<ListObservationsQuery>
{
    public ListObservationsValidator(KnownAreas areas)
    {
        RuleFor(q => q.Area!).KnownArea(areas).When(q => q.Area is not null);
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class ListObservationsHandler(DbSession db, TimeProvider clock) : IQueryHandler<ListObservationsQuery, Page<Observation>>
{
    public async ValueTask<Page<Observation>> Handle(ListObservationsQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var at, out var after);
        var filters = new List<string> { query.IncludeHeld ? "true" : ObservationRow.Listed };
        if (query.Area is not null)
        {
            // The area itself, its children and their children: the city, a district or a neighbourhood.
            filters.Add("""
                (a.slug = @Area or a.parent_id = (select id from area where slug = @Area)
                 or a.parent_id in (select id from area where parent_id = (select id from area where slug = @Area)))
                """);
        }
        if (query.Status is not null) filters.Add("o.status = @Status");
        if (query.Category is not null) filters.Add("o.category = @Category");
        if (query.WalkId is not null) filters.Add("o.walk_id = @WalkId");
        if (query.Overdue is { } overdue)
            filters.Add((overdue ? "" : "not ") + "coalesce(o.deadline < @Today and o.status in ('reported', 'investigating', 'planned', 'inProgress'), false)");
        if (hasCursor) filters.Add("(o.created_at, o.id) < (@At, @After)");
        var items = await db.LoadObservationsAsync(string.Join(" and ", filters), new
        {
            query.Area,
            Status = query.Status is { } s ? WireName.Of(s) : null,
            Category = query.Category is { } c ? WireName.Of(c) : null,
            query.WalkId,
            Today = DateOnly.FromDateTime(Time.Local(now).DateTime),
            At = at,
            After = after,
        }, now, ct, orderBy: "o.created_at desc, o.id desc", limit: limit + 1);
        var page = items.Take(limit).ToList();
        return new Page<Observation>(page, items.Count > limit ? Cursor.Encode(page[^1].ReportedAt, page[^1].Id) : null);
    }
}
