using Trygghet.Api.Features.Areas;

namespace Trygghet.Api.Features.Observations;

/// <summary>What an observation is about; each maps to the Safetipin safety-audit parameter it affects.</summary>
public enum ObservationCategory { Lighting, SightLines, Vegetation, Litter, Graffiti, WalkingPaths, PublicTransport, EmptyPremises, Traffic, Other }

/// <summary>
/// Where the follow-up of an observation stands: <c>reported → investigating → planned → inProgress → fixed</c>, or
/// ended as <c>notResponsible</c>, <c>duplicate</c> (of another) or <c>closed</c>, each with a public note.
/// </summary>
public enum ObservationStatus { Reported, Investigating, Planned, InProgress, Fixed, NotResponsible, Duplicate, Closed }

/// <summary>A category residents and staff choose from.</summary>
/// <param name="Code">The category (also the Open311 <c>service_code</c>).</param>
/// <param name="Name">Swedish name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Description">What belongs here.</param>
/// <param name="SafetipinParameter">The Safetipin audit parameter it affects (lighting, openness, visibility, security, walkPath, publicTransport, feeling …).</param>
public sealed record CategoryInfo(ObservationCategory Code, string Name, string NameEn, string Description, string SafetipinParameter);

/// <summary>An observation as staff or actors record it.</summary>
/// <param name="Category">What it is about.</param>
/// <param name="Description">What was seen, where exactly.</param>
/// <param name="Severity">1 (minor) to 3 (serious).</param>
/// <param name="Lat">Latitude (WGS84); the point must lie in the district.</param>
/// <param name="Lon">Longitude (WGS84).</param>
/// <param name="WalkId">The safety walk it came from.</param>
public sealed record ObservationInput(ObservationCategory Category, string Description, int Severity, double Lat, double Lon, Guid? WalkId = null);

/// <summary>An observation recorded by a walk's participant through their manage link (the walk is theirs).</summary>
public sealed record ParticipantObservationInput(ObservationCategory Category, string Description, int Severity, double Lat, double Lon);

/// <summary>One entry of an observation's public history.</summary>
/// <param name="At">When.</param>
/// <param name="Status">The status from then on.</param>
/// <param name="Note">The public note given with the change.</param>
/// <param name="Responsible">The responsible organisation from then on.</param>
/// <param name="Deadline">The deadline from then on.</param>
public sealed record ObservationHistoryEntry(DateTimeOffset At, ObservationStatus Status, string? Note, string? Responsible, DateOnly? Deadline);

/// <summary>An observation as everyone sees it (who reported it is never shown).</summary>
/// <param name="Description">What was seen, once cleared by the confidentiality policy; null while it waits for a moderator.</param>
/// <param name="DescriptionHeld">True while the description waits for a moderator because it looked like it held personal data.</param>
/// <param name="Number">Public number; the Open311 <c>service_request_id</c>.</param>
/// <param name="Area">The neighbourhood the point lies in.</param>
/// <param name="Responsible">The responsible organisation, once assigned.</param>
/// <param name="Overdue">True when the deadline has passed and the observation is still open.</param>
/// <param name="DuplicateOf">For a duplicate: the observation it repeats.</param>
/// <param name="History">Every change, oldest first.</param>
/// <param name="Photo">The report's photo once staff have looked at it; null without one or while it is held.</param>
/// <param name="PhotoHeld">True while the report's photo waits for staff to look at it.</param>
public sealed record Observation(Guid Id, long Number, ObservationCategory Category, string CategoryName, string? Description, bool DescriptionHeld, int Severity,
    double Lat, double Lon, AreaRef Area, Guid? WalkId, string? Responsible, Guid? ResponsibleActorId, DateOnly? Deadline, bool Overdue,
    ObservationStatus Status, string? StatusNote, Guid? DuplicateOf, DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ObservationHistoryEntry> History, ObservationPhoto? Photo = null, bool PhotoHeld = false);

/// <summary>Where an observation's photo stands: held until staff have looked at it, then cleared (public).</summary>
public enum PhotoStatus { Held, Cleared }

/// <summary>
/// An observation's photo: re-encoded JPEG without metadata, and its thumbnail. The addresses carry the photo's version, so
/// that a public photo can be cached for a year.
/// </summary>
/// <param name="Url">The photo (image/jpeg, longest side at most 2,048 pixels), relative to the API.</param>
/// <param name="ThumbnailUrl">The thumbnail (image/jpeg, longest side at most 320 pixels), relative to the API.</param>
/// <param name="Width">Width of the photo in pixels.</param>
/// <param name="Height">Height of the photo in pixels.</param>
public sealed record ObservationPhoto(string Url, string ThumbnailUrl, int Width, int Height)
{
    public static ObservationPhoto For(Guid observationId, string version, int width, int height) => new(
        $"/api/v1/observations/{observationId}/photo?v={version}", $"/api/v1/observations/{observationId}/photo/thumbnail?v={version}", width, height);
}

/// <summary>Give an observation to the organisation responsible for it, with a deadline.</summary>
/// <param name="ActorId">The responsible actor.</param>
/// <param name="Deadline">By when it should be dealt with.</param>
public sealed record AssignRequest(Guid ActorId, DateOnly Deadline);

/// <summary>Move an observation on in its follow-up.</summary>
/// <param name="Status">The new status.</param>
/// <param name="Note">A public note; required for notResponsible, duplicate and closed.</param>
/// <param name="DuplicateOf">For duplicate: the observation it repeats.</param>
public sealed record StatusChangeRequest(ObservationStatus Status, string? Note = null, Guid? DuplicateOf = null);
