using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Actors;

public sealed record ListActorsQuery(ActorKind? Kind, int? Limit, string? Cursor) : IQuery<Page<Actor>>;

public sealed class ListActorsValidator : AbstractValidator<ListActorsQuery>
{
    public ListActorsValidator()
    {
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class ListActorsHandler(DbSession db) : IQueryHandler<ListActorsQuery, Page<Actor>>
{
    public async ValueTask<Page<Actor>> Handle(ListActorsQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var afterAt, out var afterId);
        var rows = await db.QueryAsync<ActorRow>(ActorRow.Select + """
             where (@Kind::text is null or kind = @Kind) and (not @HasCursor or (created_at, id) > (@AfterAt, @AfterId))
             order by created_at, id
             limit @Take
            """, new { Kind = query.Kind is { } k ? WireName.Of(k) : null, HasCursor = hasCursor, AfterAt = afterAt, AfterId = afterId, Take = limit + 1 }, ct);
        return Cursor.ToPage(rows, limit, r => (r.CreatedAt, r.Id), r => r.ToActor());
    }
}
