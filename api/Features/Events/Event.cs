using System.Text.Json;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>A safety dialogue (trygghetsdialog) or a safety walk (trygghetsvandring).</summary>
public enum EventKind { Dialogue, Walk }

/// <summary>How people take part: on site, remotely, or both.</summary>
public enum EventFormat { OnSite, Remote, Hybrid }

/// <summary>SKR's levels of citizen participation.</summary>
public enum ParticipationLevel { Information, Consultation, Dialogue, Influence, CoDecision }

/// <summary>Whether a walk happens in daylight or in darkness.</summary>
public enum LightCondition { Daylight, Darkness }

/// <summary>
/// Where an event is in its lifecycle: <c>draft</c> → <c>published</c> (→ <c>rescheduled</c>) → <c>held</c> (its end has
/// passed) → <c>closed</c> (minutes and feedback published); or <c>cancelled</c>.
/// </summary>
public enum EventStatus { Draft, Published, Rescheduled, Held, Closed, Cancelled }

/// <summary>
/// What an event's public page is about now, decided by the API so that no client works it out from dates:
/// <c>upcoming</c> (published or rescheduled, not started: registration, places, Q&amp;A), <c>ongoing</c> (started, not
/// ended: the live Q&amp;A), <c>awaitingReport</c> (held, the feedback not yet published), <c>closed</c> (the feedback
/// is published) or <c>cancelled</c>.
/// </summary>
public enum EventPhase { Upcoming, Ongoing, AwaitingReport, Closed, Cancelled }

/// <summary>A dialogue or walk, enough to link to its page: one a measure answers, or the next one after a cancelled event.</summary>
public sealed record EventRef(Guid Id, EventKind Kind, string Slug, string Title, DateTimeOffset StartsAt);

/// <summary>Where an on-site event takes place.</summary>
/// <param name="Name">Name of the venue, e.g. <c>Fruängens bibliotek</c>.</param>
/// <param name="Address">Street address.</param>
/// <param name="Lat">Latitude (WGS84).</param>
/// <param name="Lon">Longitude (WGS84).</param>
/// <param name="AccessibilityNotes">Step-free access, hearing loop, toilets, and what else participants need to know.</param>
public sealed record Venue(string? Name = null, string? Address = null, double? Lat = null, double? Lon = null, string? AccessibilityNotes = null);

/// <summary>One item of the agenda.</summary>
/// <param name="Title">What happens.</param>
/// <param name="Minutes">How long it takes.</param>
public sealed record AgendaItem(string Title, int? Minutes = null);

/// <summary>What only a safety walk has.</summary>
/// <param name="MeetingPoint">Where the walk starts, in words.</param>
/// <param name="MeetingLat">Latitude of the meeting point; with its longitude, a position within Hägersten-Älvsjö.</param>
/// <param name="MeetingLon">Longitude of the meeting point.</param>
/// <param name="Route">The route as a GeoJSON LineString (lon/lat) of 2 to 500 positions, each within Hägersten-Älvsjö.</param>
/// <param name="LightCondition">Daylight or darkness. Staff views show what was planned. Public events show it only when it is true for
/// the walk's date by sunrise and sunset; otherwise the light the walk will have, or nothing when a wrongly planned walk spans sunset.</param>
/// <param name="LinkedDialogueId">The safety dialogue the walk belongs to.</param>
/// <param name="FollowUpEventId">The follow-up meeting where responsible actors present what they will do.</param>
/// <param name="RepeatWalkPlannedOn">When the walk is planned to be repeated.</param>
public sealed record WalkDetails(
    string? MeetingPoint = null,
    double? MeetingLat = null,
    double? MeetingLon = null,
    [property: GeoJson("GeoJSON LineString (RFC 7946, lon/lat) of the route: 2 to 500 positions, each within Hägersten-Älvsjö.")] JsonElement? Route = null,
    LightCondition? LightCondition = null,
    Guid? LinkedDialogueId = null,
    Guid? FollowUpEventId = null,
    DateOnly? RepeatWalkPlannedOn = null);

/// <summary>What staff write when they plan an event (create and edit).</summary>
/// <param name="Kind">Dialogue or walk; fixed once created.</param>
/// <param name="Title">Short public title.</param>
/// <param name="AreaSlug">The neighbourhood (or the district) the event is about.</param>
/// <param name="Format">On site, remote or hybrid.</param>
/// <param name="StartsAt">Start, ISO 8601 with offset.</param>
/// <param name="EndsAt">End, after the start.</param>
/// <param name="ParticipationLevel">SKR participation level.</param>
/// <param name="Slug">Address name; generated from title and date when left out.</param>
/// <param name="Description">What the event is, for residents.</param>
/// <param name="Problem">The concrete problem the event addresses.</param>
/// <param name="Place">The concrete place the problem is at.</param>
/// <param name="Venue">Where it takes place (on-site and hybrid).</param>
/// <param name="RemoteUrl">The remote meeting link. Never public: only staff and, shortly before start, confirmed remote registrants see it.</param>
/// <param name="CapacityOnSite">Places on site.</param>
/// <param name="CapacityRemote">Places remotely.</param>
/// <param name="RegistrationDeadline">Last moment to register.</param>
/// <param name="Method">The dialogue method, e.g. <c>open meeting with small-group discussions</c>.</param>
/// <param name="Agenda">The agenda in order.</param>
/// <param name="Walk">Walk details; only for walks.</param>
public sealed record EventInput(
    EventKind Kind,
    string Title,
    string AreaSlug,
    EventFormat Format,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    ParticipationLevel ParticipationLevel,
    string? Slug = null,
    string? Description = null,
    string? Problem = null,
    string? Place = null,
    Venue? Venue = null,
    string? RemoteUrl = null,
    int? CapacityOnSite = null,
    int? CapacityRemote = null,
    DateTimeOffset? RegistrationDeadline = null,
    string? Method = null,
    IReadOnlyList<AgendaItem>? Agenda = null,
    WalkDetails? Walk = null);

/// <summary>A participating organisation, as the public sees it: never contact data.</summary>
public sealed record Participant(string Organisation, string Kind);

/// <summary>The whole event as staff see it.</summary>
public sealed record EventPlan(
    Guid Id,
    EventKind Kind,
    string Slug,
    EventStatus Status,
    string Title,
    string Description,
    string Problem,
    string Place,
    string AreaSlug,
    string AreaName,
    EventFormat Format,
    Venue? Venue,
    string? RemoteUrl,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int? CapacityOnSite,
    int? CapacityRemote,
    DateTimeOffset? RegistrationDeadline,
    ParticipationLevel ParticipationLevel,
    string Method,
    IReadOnlyList<AgendaItem> Agenda,
    WalkDetails? Walk,
    string? CancelReason,
    DateTimeOffset? PublishedAt,
    string? PublishOverride,
    Closing? Closing,
    int Sequence,
    int Version,
    DateTimeOffset UpdatedAt);

/// <summary>What staff publish when they close an event: minutes, attendance and feedback (återkoppling).</summary>
/// <param name="Minutes">The minutes of the meeting or walk.</param>
/// <param name="ParticipantsOnSite">How many took part on site.</param>
/// <param name="ParticipantsRemote">How many took part remotely.</param>
/// <param name="Raised">What was raised.</param>
/// <param name="Actions">What will happen, and who does it.</param>
public sealed record Closing(string Minutes, int ParticipantsOnSite, int ParticipantsRemote, string Raised, string Actions);
