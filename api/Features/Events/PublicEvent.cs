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
/// <param name="Place">The place the problem is at ("Handlar om: …"); not where the event takes place, which is the venue or, for a walk, its meeting point.</param>
/// <param name="Sequence">Revision of the event as calendars see it (iCalendar SEQUENCE).</param>
/// <param name="Phase">What the event's page is about now: <c>upcoming</c>, <c>ongoing</c>, <c>awaitingReport</c>, <c>closed</c> or <c>cancelled</c>. Decided here from the status and the clock, so that clients need not work it out from dates.</param>
/// <param name="Attendable">Whether one can still go: published or rescheduled, and not ended (<c>upcoming</c> or <c>ongoing</c>). Lists of what is coming count only these. Whether registration is open is the availability's <c>open</c>.</param>
/// <param name="FeedbackExpectedBy">The date (Stockholm) by which the feedback is to be published: the end's date plus <c>Publishing__FeedbackWithinDays</c> (28) days; null once closed, and for a cancelled event.</param>
/// <param name="NextEventInArea">For a cancelled event: the next dialogue or walk in the same area that has not started yet and is not cancelled, if there is one; otherwise null.</param>
/// <param name="Language">The language of the event's own texts in this answer (BCP 47, also the <c>Content-Language</c> header): the
/// first of <c>?lang=</c> and <c>Accept-Language</c> the event is available in, else <c>sv</c>. A text the translation leaves out is the Swedish one.</param>
/// <param name="AvailableLanguages">The languages the event's texts can be read in: <c>sv</c> and its translations, in the district's order
/// (<c>Content__Languages</c>).</param>
/// <param name="Untranslated">The event's own texts this answer gives in Swedish because the translation into <c>language</c> leaves
/// them out: <c>description</c>, <c>problem</c>, <c>place</c>, <c>method</c>, <c>venueName</c>, <c>accessibilityNotes</c>,
/// <c>meetingPoint</c>, <c>agenda</c>. Empty in Swedish and when every text is translated. A page marks these <c>lang="sv"</c>.</param>
public sealed record PublicEvent(
    Guid Id, EventKind Kind, string Slug, EventStatus Status, string Title, string Description, string Problem, string Place,
    AreaRef Area, EventFormat Format, Venue? Venue, bool RemoteParticipation, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int? CapacityOnSite, int? CapacityRemote, DateTimeOffset? RegistrationDeadline, ParticipationLevel ParticipationLevel,
    string Method, IReadOnlyList<AgendaItem> Agenda, WalkDetails? Walk, string? CancelReason, IReadOnlyList<Participant> Participants,
    Closing? Closing, int Sequence, DateTimeOffset UpdatedAt, EventPhase Phase, bool Attendable, DateOnly? FeedbackExpectedBy,
    EventRef? NextEventInArea, string Language, IReadOnlyList<string> AvailableLanguages, IReadOnlyList<string> Untranslated);

internal static class PublicEvents
{
    /// <summary>The organisations that accepted their invitations, by event.</summary>
    public static async Task<ILookup<Guid, Participant>> ParticipantsAsync(DbSession db, Guid[] eventIds, CancellationToken ct)
    {
        var rows = await db.QueryAsync<(Guid EventId, string Organisation, string Kind)>("""
            select i.event_id, a.organisation, a.kind
            from invitation i join actor a on a.id = i.actor_id
            where i.event_id = any(@eventIds) and i.status = 'accepted'
            order by a.organisation
            """, new { eventIds }, ct);
        return rows.ToLookup(r => r.EventId, r => new Participant(r.Organisation, r.Kind));
    }

    /// <summary>
    /// For each cancelled event among <paramref name="rows"/>, the next event in its area: not cancelled, not a draft,
    /// not started at <paramref name="now"/>; the soonest first.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, EventRef>> NextInAreaAsync(DbSession db, IEnumerable<EventRow> rows, DateTimeOffset now,
        CancellationToken ct)
    {
        var cancelled = rows.Where(r => r.Status == "cancelled").Select(r => r.Id).ToArray();
        if (cancelled.Length == 0) return new Dictionary<Guid, EventRef>();
        var next = await db.QueryAsync<(Guid CancelledId, Guid Id, string Kind, string Slug, string Title, DateTimeOffset StartsAt)>("""
            select c.id, n.id, n.kind, n.slug, n.title, n.starts_at
            from event c
            cross join lateral (
                select e.id, e.kind, e.slug, e.title, e.starts_at from event e
                where e.area_id = c.area_id and e.status = 'published' and e.starts_at > @now and e.id <> c.id
                order by e.starts_at, e.id
                limit 1) n
            where c.id = any(@cancelled)
            """, new { cancelled, now }, ct);
        return next.ToDictionary(n => n.CancelledId, n => new EventRef(n.Id, WireName.Parse<EventKind>(n.Kind), n.Slug, n.Title, Time.Local(n.StartsAt)));
    }

    public static PublicEvent ToPublic(EventRow r, IReadOnlyList<Participant> participants, DateTimeOffset now,
        int feedbackWithinDays = PublishingOptions.DefaultFeedbackWithinDays, EventRef? nextEventInArea = null)
    {
        var phase = r.PhaseAt(now);
        return new(
            r.Id, r.KindValue, r.Slug, r.StatusAt(now), r.Title, r.Description, r.Problem, r.Place,
            new AreaRef(r.AreaSlug, r.AreaName, AreaKinds.Parse(r.AreaKind)), r.FormatValue, r.VenueValue, r.FormatValue != EventFormat.OnSite,
            Time.Local(r.StartsAt), Time.Local(r.EndsAt), r.CapacityOnSite, r.CapacityRemote,
            r.RegistrationDeadline is { } deadline ? Time.Local(deadline) : null, WireName.Parse<ParticipationLevel>(r.ParticipationLevel),
            r.Method, r.AgendaItems, r.PublicWalkValue, r.CancelReason, participants, r.ClosingValue, r.Sequence, Time.Local(r.UpdatedAt),
            phase, phase is EventPhase.Upcoming or EventPhase.Ongoing,
            phase is EventPhase.Closed or EventPhase.Cancelled ? null : DateOnly.FromDateTime(Time.Local(r.EndsAt).DateTime).AddDays(feedbackWithinDays),
            phase == EventPhase.Cancelled ? nextEventInArea : null, ContentOptions.Swedish, [ContentOptions.Swedish], []);
    }
}
