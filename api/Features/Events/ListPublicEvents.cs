using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>Published, held, closed and cancelled events of one kind, in start order.</summary>
public sealed record ListPublicEventsQuery(EventKind? Kind, string? Area, DateTimeOffset? From, DateTimeOffset? To, EventFormat? Format,
    int? Limit, string? Cursor, int MaxLimit = Cursor.MaxLimit, IReadOnlyList<string>? Languages = null) : IQuery<Page<PublicEvent>>;

public sealed class ListPublicEventsValidator : AbstractValidator<ListPublicEventsQuery>
{
    public ListPublicEventsValidator(KnownAreas areas)
    {
        RuleFor(q => q.Area!).KnownArea(areas).When(q => q.Area is not null);
        RuleFor(q => q.To).GreaterThan(q => q.From).WithMessage(_ => CommonTexts.PeriodEndAfterStart.Format()).When(q => q.From is not null && q.To is not null);
        RuleFor(q => q.Format).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Limit!.Value).Must((q, limit) => limit >= 1 && limit <= q.MaxLimit).When(q => q.Limit is not null)
            .WithMessage(q => CommonTexts.LimitRange.Format(q.MaxLimit)).OverridePropertyName("limit");
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class ListPublicEventsHandler(DbSession db, TimeProvider clock, PublishingOptions options, ContentOptions content) : IQueryHandler<ListPublicEventsQuery, Page<PublicEvent>>
{
    public async ValueTask<Page<PublicEvent>> Handle(ListPublicEventsQuery query, CancellationToken ct)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var afterAt, out var afterId);
        var rows = await db.QueryAsync<EventRow>(EventRow.Select + """
             where e.status <> 'draft' and (@Kind::text is null or e.kind = @Kind)
               and (@Area::text is null or a.slug = @Area or a.parent_id = (select id from area where slug = @Area))
               and (@From::timestamptz is null or e.ends_at >= @From)
               and (@To::timestamptz is null or e.starts_at < @To)
               and (@Format::text is null or e.format = @Format)
               and (not @HasCursor or (e.starts_at, e.id) > (@AfterAt, @AfterId))
             order by e.starts_at, e.id
             limit @Take
            """,
            new
            {
                Kind = query.Kind is { } k ? WireName.Of(k) : null,
                query.Area,
                query.From,
                query.To,
                Format = query.Format is { } f ? WireName.Of(f) : null,
                HasCursor = hasCursor,
                AfterAt = afterAt,
                AfterId = afterId,
                Take = limit + 1,
            }, ct);
        var participants = await PublicEvents.ParticipantsAsync(db, rows.Take(limit).Select(r => r.Id).ToArray(), ct);
        var now = clock.GetUtcNow();
        var next = await PublicEvents.NextInAreaAsync(db, rows.Take(limit), now, ct);
        var translations = await ContentLanguages.LoadAsync(db, rows.Take(limit).Select(r => r.Id).ToArray(), content, ct);
        return Cursor.ToPage(rows, limit, r => (r.StartsAt, r.Id),
            r => ContentLanguages.Localise(PublicEvents.ToPublic(r, participants[r.Id].ToList(), now, options.FeedbackWithinDays, next.GetValueOrDefault(r.Id)),
                translations[r.Id], query.Languages ?? [], content));
    }
}
