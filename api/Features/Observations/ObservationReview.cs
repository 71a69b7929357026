using System.Text.Json;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>Where an observation's description stands under the confidentiality policy.</summary>
public enum DescriptionStatus { Held, Cleared }

/// <summary>An observation's description as moderators review it: the text as it is now, what the filter found in it, and where.</summary>
/// <param name="Description">The description as stored (held or cleared).</param>
/// <param name="Findings">What the confidentiality filter found in it, with offsets to highlight.</param>
/// <param name="OriginalDescription">The text as reported, when a moderator redacted it: shown to admins only.</param>
/// <param name="ReporterKind">Who reported it: staff, actor, participant, open311 or resident (never which person).</param>
/// <param name="Lat">Latitude (WGS84) of the observation.</param>
/// <param name="Lon">Longitude (WGS84) of the observation.</param>
/// <param name="Photo">The report's photo, held or cleared; staff fetch a held one with their token.</param>
public sealed record ObservationReview(Guid Id, long Number, ObservationCategory Category, string CategoryName, AreaRef Area, Guid? WalkId,
    string Description, DescriptionStatus DescriptionStatus, IReadOnlyList<TextFinding> Findings, string? OriginalDescription, string ReporterKind,
    DateTimeOffset ReportedAt, DateTimeOffset? ReviewedAt, double Lat, double Lon, ReviewPhoto? Photo);

/// <summary>A report's photo as staff review it.</summary>
/// <param name="Status">held until staff have looked at it, then cleared (public).</param>
/// <param name="Url">The photo (image/jpeg); while held, only with a staff, moderator or admin token.</param>
/// <param name="ThumbnailUrl">The thumbnail (image/jpeg), on the same terms.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="ReviewedAt">When staff cleared it.</param>
public sealed record ReviewPhoto(PhotoStatus Status, string Url, string ThumbnailUrl, int Width, int Height, DateTimeOffset? ReviewedAt);

/// <summary>Publish a held description as it is.</summary>
/// <param name="AcknowledgeFindings">Required true when the filter found something: the moderator has read it and it names no one.</param>
public sealed record DescriptionClearance(bool AcknowledgeFindings = false);

/// <summary>Replace a description with a redacted text, which is published at once; the text as reported is kept for admins.</summary>
/// <param name="Text">The redacted description (3–4,000 characters).</param>
/// <param name="AcknowledgeFindings">Required true when the redacted text still has findings.</param>
public sealed record DescriptionRedaction(string Text, bool AcknowledgeFindings = false);

internal sealed record ObservationReviewRow(Guid Id, long Number, string Category, string CategoryName, string AreaSlug, string AreaName, string AreaKind,
    Guid? WalkId, string Description, string DescriptionStatus, string Findings, string? OriginalDescription, string ReporterKind, DateTimeOffset CreatedAt,
    DateTimeOffset? DescriptionReviewedAt, double Lat, double Lon, string? PhotoStatus, string? PhotoVersion, int? PhotoWidth, int? PhotoHeight,
    DateTimeOffset? PhotoReviewedAt)
{
    public const string Select = """
        select o.id, o.number, o.category, c.name_sv as category_name, a.slug as area_slug, a.name as area_name, a.kind as area_kind, o.walk_id,
               o.description, o.description_status, o.findings::text as findings, o.original_description, o.reporter_kind, o.created_at,
               o.description_reviewed_at, o.lat, o.lon, p.status as photo_status, p.version as photo_version, p.width as photo_width,
               p.height as photo_height, p.reviewed_at as photo_reviewed_at
        from observation o join observation_category c on c.code = o.category join area a on a.id = o.area_id
        left join observation_photo p on p.observation_id = o.id
        """;

    public IReadOnlyList<TextFinding> FindingsValue => JsonSerializer.Deserialize<List<TextFinding>>(Findings, Json.Options) ?? [];

    public ObservationReview ToReview(bool admin) => new(Id, Number, WireName.Parse<ObservationCategory>(Category), CategoryName,
        new AreaRef(AreaSlug, AreaName, AreaKinds.Parse(AreaKind)), WalkId, Description, WireName.Parse<DescriptionStatus>(DescriptionStatus),
        FindingsValue, admin ? OriginalDescription : null, ReporterKind, Time.Local(CreatedAt),
        DescriptionReviewedAt is { } at ? Time.Local(at) : null, Lat, Lon,
        PhotoStatus is null ? null : ReviewPhotoOf());

    private ReviewPhoto ReviewPhotoOf()
    {
        var links = ObservationPhoto.For(Id, PhotoVersion!, PhotoWidth!.Value, PhotoHeight!.Value);
        return new ReviewPhoto(WireName.Parse<PhotoStatus>(PhotoStatus!), links.Url, links.ThumbnailUrl, links.Width, links.Height,
            PhotoReviewedAt is { } at ? Time.Local(at) : null);
    }

    public static async Task<ObservationReviewRow> LockAsync(DbSession db, Guid id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<ObservationReviewRow>(Select + " where o.id = @id for update of o", new { id }, ct)
            ?? throw new NotFoundException(ObservationTexts.NotFound, id);
}
