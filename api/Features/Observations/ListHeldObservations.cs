using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>The observations whose description or photo waits for a moderator, oldest first.</summary>
public sealed record ListHeldObservationsQuery(int? Limit, string? Cursor, bool Admin) : IQuery<Page<ObservationReview>>;

public sealed class ListHeldObservationsValidator : AbstractValidator<ListHeldObservationsQuery>
{
    public ListHeldObservationsValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class ListHeldObservationsHandler(DbSession db) : IQueryHandler<ListHeldObservationsQuery, Page<ObservationReview>>
{
    public async ValueTask<Page<ObservationReview>> Handle(ListHeldObservationsQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var at, out var after);
        var rows = await db.QueryAsync<ObservationReviewRow>(ObservationReviewRow.Select + """
             where (o.description_status = 'held' or p.status = 'held') and (not @hasCursor or (o.created_at, o.id) > (@at, @after))
             order by o.created_at, o.id limit @take
            """, new { hasCursor, at, after, take = limit + 1 }, ct);
        return Cursor.ToPage(rows, limit, r => (r.CreatedAt, r.Id), r => r.ToReview(query.Admin));
    }
}
