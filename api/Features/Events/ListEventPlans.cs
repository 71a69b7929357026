using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>Every event, drafts included, in start order: the staff's planning list.</summary>
public sealed record ListEventPlansQuery(EventKind? Kind, bool? Drafts, int? Limit, string? Cursor) : IQuery<Page<EventPlan>>;

public sealed class ListEventPlansValidator : AbstractValidator<ListEventPlansQuery>
{
    public ListEventPlansValidator()
    {
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class ListEventPlansHandler(DbSession db, TimeProvider clock) : IQueryHandler<ListEventPlansQuery, Page<EventPlan>>
{
    public async ValueTask<Page<EventPlan>> Handle(ListEventPlansQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var afterAt, out var afterId);
        var rows = await db.QueryAsync<EventRow>(EventRow.Select + """
             where (@Kind::text is null or e.kind = @Kind)
               and (@Drafts::boolean is null or (e.status = 'draft') = @Drafts)
               and (not @HasCursor or (e.starts_at, e.id) > (@AfterAt, @AfterId))
             order by e.starts_at, e.id
             limit @Take
            """,
            new { Kind = query.Kind is { } k ? WireName.Of(k) : null, query.Drafts, HasCursor = hasCursor, AfterAt = afterAt, AfterId = afterId, Take = limit + 1 }, ct);
        var now = clock.GetUtcNow();
        return Cursor.ToPage(rows, limit, r => (r.StartsAt, r.Id), r => r.ToPlan(now));
    }
}
