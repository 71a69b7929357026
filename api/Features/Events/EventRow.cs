using System.Text.Json;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>One row of <c>event</c> with its area, and the mapping to what staff and the public see.</summary>
internal sealed record EventRow(
    Guid Id, string Kind, string Slug, string Status, bool Rescheduled, string Title, string Description, string Problem, string Place,
    Guid AreaId, string AreaSlug, string AreaName, string AreaKind, string Format,
    string? VenueName, string? VenueAddress, double? VenueLat, double? VenueLon, string? AccessibilityNotes, string? RemoteUrl,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int? CapacityOnSite, int? CapacityRemote, DateTimeOffset? RegistrationDeadline,
    string ParticipationLevel, string Method, string Agenda,
    string? MeetingPoint, double? MeetingLat, double? MeetingLon, string? Route, string? LightCondition,
    Guid? LinkedDialogueId, Guid? FollowUpEventId, DateOnly? RepeatWalkPlannedOn,
    string? CancelReason, DateTimeOffset? CancelledAt, DateTimeOffset? PublishedAt, string? PublishOverride, DateTimeOffset? ClosedAt,
    string? Minutes, int? ParticipantsOnSite, int? ParticipantsRemote, string? FeedbackRaised, string? FeedbackActions,
    int Sequence, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public const string Select = """
        select e.id, e.kind, e.slug, e.status, e.rescheduled, e.title, e.description, e.problem, e.place,
               e.area_id, a.slug as area_slug, a.name as area_name, a.kind as area_kind, e.format,
               e.venue_name, e.venue_address, e.venue_lat, e.venue_lon, e.accessibility_notes, e.remote_url,
               e.starts_at, e.ends_at, e.capacity_on_site, e.capacity_remote, e.registration_deadline,
               e.participation_level, e.method, e.agenda::text as agenda,
               e.meeting_point, e.meeting_lat, e.meeting_lon, e.route::text as route, e.light_condition,
               e.linked_dialogue_id, e.follow_up_event_id, e.repeat_walk_planned_on,
               e.cancel_reason, e.cancelled_at, e.published_at, e.publish_override, e.closed_at,
               e.minutes, e.participants_on_site, e.participants_remote, e.feedback_raised, e.feedback_actions,
               e.sequence, e.version, e.created_at, e.updated_at
        from event e join area a on a.id = e.area_id
        """;

    public EventKind KindValue => WireName.Parse<EventKind>(Kind);

    public EventFormat FormatValue => WireName.Parse<EventFormat>(Format);

    public EventStatus StatusAt(DateTimeOffset now) => Status switch
    {
        "draft" => EventStatus.Draft,
        "cancelled" => EventStatus.Cancelled,
        "closed" => EventStatus.Closed,
        _ when EndsAt <= now => EventStatus.Held,
        _ when Rescheduled => EventStatus.Rescheduled,
        _ => EventStatus.Published,
    };

    public EventPhase PhaseAt(DateTimeOffset now) => StatusAt(now) switch
    {
        EventStatus.Cancelled => EventPhase.Cancelled,
        EventStatus.Closed => EventPhase.Closed,
        EventStatus.Held => EventPhase.AwaitingReport,
        _ when StartsAt <= now => EventPhase.Ongoing,
        _ => EventPhase.Upcoming,
    };

    public Venue? VenueValue => VenueName is null && VenueAddress is null && VenueLat is null && VenueLon is null && AccessibilityNotes is null
        ? null
        : new Venue(VenueName, VenueAddress, VenueLat, VenueLon, AccessibilityNotes);

    public IReadOnlyList<AgendaItem> AgendaItems => JsonSerializer.Deserialize<List<AgendaItem>>(Agenda, JsonSerializerOptions.Web) ?? [];

    public WalkDetails? WalkValue => KindValue != EventKind.Walk
        ? null
        : new WalkDetails(MeetingPoint, MeetingLat, MeetingLon,
            Route is null ? null : JsonDocument.Parse(Route).RootElement.Clone(),
            LightCondition is null ? null : WireName.Parse<LightCondition>(LightCondition),
            LinkedDialogueId, FollowUpEventId, RepeatWalkPlannedOn);

    /// <summary>The walk as residents see it: the light condition as the sun has it (<see cref="LightCheck.Public"/>).</summary>
    public WalkDetails? PublicWalkValue => WalkValue is { } walk
        ? walk with { LightCondition = LightCheck.Public(walk.LightCondition, StartsAt, EndsAt, MeetingLat, MeetingLon) }
        : null;

    public Closing? ClosingValue => ClosedAt is null
        ? null
        : new Closing(Minutes ?? "", ParticipantsOnSite ?? 0, ParticipantsRemote ?? 0, FeedbackRaised ?? "", FeedbackActions ?? "");

    public EventPlan ToPlan(DateTimeOffset now) => new(
        Id, KindValue, Slug, StatusAt(now), Title, Description, Problem, Place, AreaSlug, AreaName, FormatValue, VenueValue, RemoteUrl,
        Time.Local(StartsAt), Time.Local(EndsAt), CapacityOnSite, CapacityRemote, RegistrationDeadline is { } deadline ? Time.Local(deadline) : null, WireName.Parse<ParticipationLevel>(ParticipationLevel),
        Method, AgendaItems, WalkValue, CancelReason, PublishedAt, PublishOverride, ClosingValue, Sequence, Version, Time.Local(UpdatedAt));
}

internal static class EventQueries
{
    public static async Task<EventRow> LoadAsync(this DbSession db, Guid id, CancellationToken ct, bool forUpdate = false) =>
        await db.QuerySingleOrDefaultAsync<EventRow>(
            EventRow.Select + " where e.id = @id" + (forUpdate ? " for update of e" : ""), new { id }, ct)
        ?? throw new NotFoundException(EventTexts.NotFound, id);

    /// <summary>409 unless the event is in one of the allowed states.</summary>
    public static void RequireStatus(this EventRow row, DateTimeOffset now, string action, params EventStatus[] allowed)
    {
        var status = row.StatusAt(now);
        if (!allowed.Contains(status)) throw new ConflictException(EventTexts.Transition, EventTexts.Action(action), EventTexts.Status(status));
    }
}
