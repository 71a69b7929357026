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

    public static PublicEvent ToPublic(EventRow r, IReadOnlyList<Participant> participants, DateTimeOffset now) => new(
        r.Id, r.KindValue, r.Slug, r.StatusAt(now), r.Title, r.Description, r.Problem, r.Place,
        new AreaRef(r.AreaSlug, r.AreaName, AreaKinds.Parse(r.AreaKind)), r.FormatValue, r.VenueValue, r.FormatValue != EventFormat.OnSite,
        Time.Local(r.StartsAt), Time.Local(r.EndsAt), r.CapacityOnSite, r.CapacityRemote,
        r.RegistrationDeadline is { } deadline ? Time.Local(deadline) : null, WireName.Parse<ParticipationLevel>(r.ParticipationLevel),
        r.Method, r.AgendaItems, r.PublicWalkValue, r.CancelReason, participants, r.ClosingValue, r.Sequence, Time.Local(r.UpdatedAt));
}
