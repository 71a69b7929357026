using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>A police event that is in no neighbourhood, with the reason, for staff to check the placement.</summary>
/// <param name="PublishedAt">When the police published it.</param>
/// <param name="IncidentAt">When it happened, read from <c>name</c>; null when the name gives no time.</param>
public sealed record UnplacedPoliceEvent(long Id, DateTimeOffset PublishedAt, DateTimeOffset? IncidentAt, string Name, string Summary,
    PlacementReason Reason);

public sealed record ListUnplacedPoliceEventsQuery(PlacementReason? Reason, int? Limit, string? Cursor) : IQuery<Page<UnplacedPoliceEvent>>;

public sealed class ListUnplacedPoliceEventsValidator : AbstractValidator<ListUnplacedPoliceEventsQuery>
{
    public ListUnplacedPoliceEventsValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).Must(c => c is null || Cursor.TryDecode(c, out long _)).WithMessage(_ => CommonTexts.BadCursor.Format());
    }
}

/// <summary>Newest first (police ids grow with time), by keyset on the id.</summary>
public sealed class ListUnplacedPoliceEventsHandler(DbSession db) : IQueryHandler<ListUnplacedPoliceEventsQuery, Page<UnplacedPoliceEvent>>
{
    public async ValueTask<Page<UnplacedPoliceEvent>> Handle(ListUnplacedPoliceEventsQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var before = Cursor.TryDecode(query.Cursor, out long id) ? id : long.MaxValue;
        var reason = query.Reason is { } r ? WireName.Of(r) : null;
        var rows = await db.QueryAsync<(long Id, DateTimeOffset PublishedAt, DateTimeOffset? IncidentAt, string Name, string Summary, string Reason)>("""
            select id, published_at, incident_at, name, summary, unplaced_reason from police_event
            where unplaced_reason is not null and (@reason::text is null or unplaced_reason = @reason) and id < @before
            order by id desc limit @take
            """, new { reason, before, take = limit + 1 }, ct);
        var items = rows.Take(limit)
            .Select(e => new UnplacedPoliceEvent(e.Id, e.PublishedAt, e.IncidentAt, e.Name, e.Summary, WireName.Parse<PlacementReason>(e.Reason)))
            .ToList();
        return new Page<UnplacedPoliceEvent>(items, rows.Count > limit ? Cursor.Encode(rows[limit - 1].Id) : null);
    }
}
