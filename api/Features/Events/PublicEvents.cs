using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>
/// A dialogue or walk as the public sees it. Times are given in Stockholm local time with their offset.
/// The remote meeting link is never part of it: confirmed remote registrants get it through their own link.
/// </summary>
/// <param name="RemoteParticipation">Whether people can take part remotely (the link itself is not public).</param>
/// <param name="Participants">Organisations that accepted their invitation.</param>
/// <param name="Closing">Minutes and feedback, once the event is closed.</param>
/// <param name="Sequence">Revision of the event as calendars see it (iCalendar SEQUENCE).</param>
public sealed record PublicEvent(
    Guid Id, EventKind Kind, string Slug, EventStatus Status, string Title, string Description, string Problem, string Place,
    AreaRef Area, EventFormat Format, Venue? Venue, bool RemoteParticipation, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int? CapacityOnSite, int? CapacityRemote, DateTimeOffset? RegistrationDeadline, ParticipationLevel ParticipationLevel,
    string Method, IReadOnlyList<AgendaItem> Agenda, WalkDetails? Walk, string? CancelReason, IReadOnlyList<Participant> Participants,
    Closing? Closing, int Sequence, DateTimeOffset UpdatedAt);

/// <summary>Published, held, closed and cancelled events of one kind, in start order.</summary>
public sealed record ListPublicEvents(EventKind? Kind, string? Area, DateTimeOffset? From, DateTimeOffset? To, EventFormat? Format,
    int? Limit, string? Cursor, int MaxLimit = Cursor.MaxLimit) : IQuery<Page<PublicEvent>>;

public sealed record GetPublicEvent(EventKind Kind, string IdOrSlug) : IQuery<PublicEvent>;

/// <summary>
/// A cheap stamp of everything the public listings show (three index probes): it changes when any event or actor
/// changes, and when an event ends (and so becomes held).
/// Listings use it as their ETag, so a conditional request is answered without running the listing query.
/// </summary>
public sealed record GetPublicEventsStamp : IQuery<string>;

public sealed class ListPublicEventsValidator : AbstractValidator<ListPublicEvents>
{
    public ListPublicEventsValidator()
    {
        RuleFor(q => q.Area!).AreaSlug().When(q => q.Area is not null);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null);
        RuleFor(q => q.Format).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Limit!.Value).Must((q, limit) => limit >= 1 && limit <= q.MaxLimit).When(q => q.Limit is not null)
            .WithMessage(q => $"1–{q.MaxLimit}").OverridePropertyName("limit");
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class GetPublicEventValidator : AbstractValidator<GetPublicEvent>
{
    public GetPublicEventValidator() => RuleFor(q => q.IdOrSlug).NotEmpty().MaximumLength(100).Matches("^[a-z0-9-]+$");
}

public sealed class PublicEventHandlers(DbSession db, TimeProvider clock) :
    IQueryHandler<ListPublicEvents, Page<PublicEvent>>, IQueryHandler<GetPublicEvent, PublicEvent>, IQueryHandler<GetPublicEventsStamp, string>
{
    public async ValueTask<Page<PublicEvent>> Handle(ListPublicEvents query, CancellationToken ct)
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
        var participants = await ParticipantsAsync(rows.Take(limit).Select(r => r.Id).ToArray(), ct);
        var now = clock.GetUtcNow();
        return Cursor.ToPage(rows, limit, r => (r.StartsAt, r.Id), r => ToPublic(r, participants[r.Id].ToList(), now));
    }

    public async ValueTask<PublicEvent> Handle(GetPublicEvent query, CancellationToken ct)
    {
        var byId = Guid.TryParse(query.IdOrSlug, out var id);
        var row = await db.QuerySingleOrDefaultAsync<EventRow>(EventRow.Select + """
             where e.status <> 'draft' and (@Kind::text is null or e.kind = @Kind) and (e.slug = @IdOrSlug or (@ById and e.id = @Id))
            """, new { Kind = WireName.Of(query.Kind), query.IdOrSlug, ById = byId, Id = id }, ct)
            ?? throw new NotFoundException("event.notFound", query.IdOrSlug);
        var participants = await ParticipantsAsync([row.Id], ct);
        return ToPublic(row, participants[row.Id].ToList(), clock.GetUtcNow());
    }

    public async ValueTask<string> Handle(GetPublicEventsStamp query, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<string>("""
            select coalesce((select max(updated_at) from event), '-infinity')::text
                   || '/' || coalesce((select max(ends_at) from event where ends_at <= @Now), '-infinity')::text
                   || '/' || coalesce((select max(updated_at) from actor), '-infinity')::text
            """, new { Now = clock.GetUtcNow() }, ct) ?? "";

    private async Task<ILookup<Guid, Participant>> ParticipantsAsync(Guid[] eventIds, CancellationToken ct)
    {
        var rows = await db.QueryAsync<(Guid EventId, string Organisation, string Kind)>("""
            select i.event_id, a.organisation, a.kind
            from invitation i join actor a on a.id = i.actor_id
            where i.event_id = any(@eventIds) and i.status = 'accepted'
            order by a.organisation
            """, new { eventIds }, ct);
        return rows.ToLookup(r => r.EventId, r => new Participant(r.Organisation, r.Kind));
    }

    internal static PublicEvent ToPublic(EventRow r, IReadOnlyList<Participant> participants, DateTimeOffset now) => new(
        r.Id, r.KindValue, r.Slug, r.StatusAt(now), r.Title, r.Description, r.Problem, r.Place,
        new AreaRef(r.AreaSlug, r.AreaName, AreaKinds.Parse(r.AreaKind)), r.FormatValue, r.VenueValue, r.FormatValue != EventFormat.OnSite,
        Time.Local(r.StartsAt), Time.Local(r.EndsAt), r.CapacityOnSite, r.CapacityRemote,
        r.RegistrationDeadline is { } deadline ? Time.Local(deadline) : null, WireName.Parse<ParticipationLevel>(r.ParticipationLevel),
        r.Method, r.AgendaItems, r.WalkValue, r.CancelReason, participants, r.ClosingValue, r.Sequence, Time.Local(r.UpdatedAt));
}
