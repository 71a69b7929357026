using System.Text.Json;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

internal sealed record ObservationRow(Guid Id, long Number, string Category, string CategoryName, string? Description, string DescriptionStatus, short Severity, double Lat, double Lon,
    string AreaSlug, string AreaName, string AreaKind, Guid? WalkId, string? Responsible, Guid? ResponsibleActorId, DateOnly? Deadline,
    string Status, string? StatusNote, Guid? DuplicateOf, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? PhotoStatus, string? PhotoVersion,
    int? PhotoWidth, int? PhotoHeight)
{
    public const string Select = """
        select o.id, o.number, o.category, c.name_sv as category_name,
               case when o.description_status = 'cleared' then o.description end as description, o.description_status, o.severity, o.lat, o.lon,
               a.slug as area_slug, a.name as area_name, a.kind as area_kind, o.walk_id, ac.organisation as responsible,
               o.responsible_actor_id, o.deadline, o.status, o.status_note, o.duplicate_of, o.created_at, o.updated_at,
               p.status as photo_status, p.version as photo_version, p.width as photo_width, p.height as photo_height
        from observation o
        left join observation_photo p on p.observation_id = o.id
        join observation_category c on c.code = o.category
        join area a on a.id = o.area_id
        left join actor ac on ac.id = o.responsible_actor_id
        """;

    /// <summary>
    /// The condition for lists, maps and feeds: a resident's report is listed once staff have looked at what it held back
    /// (its photo, or a description that looked like personal data). Until then it is reachable only by its id, as the
    /// reporter's receipt links it.
    /// </summary>
    public const string Listed = "not (o.reporter_kind = 'resident' and (o.description_status = 'held' or coalesce(p.status = 'held', false)))";

    public ObservationStatus StatusValue => WireName.Parse<ObservationStatus>(Status);

    public ObservationCategory CategoryValue => WireName.Parse<ObservationCategory>(Category);

    public bool OverdueAt(DateTimeOffset now) =>
        Deadline is { } deadline && ObservationRules.IsOpen(StatusValue) && deadline < DateOnly.FromDateTime(Time.Local(now).DateTime);

    public Observation ToObservation(IEnumerable<ObservationHistoryRow> history, DateTimeOffset now) => new(
        Id, Number, CategoryValue, CategoryName, Description, DescriptionStatus == "held", Severity, Lat, Lon, new AreaRef(AreaSlug, AreaName, AreaKinds.Parse(AreaKind)), WalkId,
        Responsible, ResponsibleActorId, Deadline, OverdueAt(now), StatusValue, StatusNote, DuplicateOf, Time.Local(CreatedAt), Time.Local(UpdatedAt),
        history.Where(h => h.ObservationId == Id).Select(h => h.ToEntry()).ToList(),
        PhotoStatus == "cleared" ? ObservationPhoto.For(Id, PhotoVersion!, PhotoWidth!.Value, PhotoHeight!.Value) : null, PhotoStatus == "held");
}

internal sealed record ObservationHistoryRow(Guid ObservationId, DateTimeOffset At, string Status, string? Note, string? Responsible, DateOnly? Deadline)
{
    public const string Select = "select observation_id, at, status, note, responsible, deadline from observation_history";

    public ObservationHistoryEntry ToEntry() => new(Time.Local(At), WireName.Parse<ObservationStatus>(Status), Note, Responsible, Deadline);
}

internal static class ObservationStore
{
    public static async Task<IReadOnlyList<Observation>> LoadObservationsAsync(this DbSession db, string where, object param, DateTimeOffset now, CancellationToken ct,
        string orderBy = "o.created_at desc, o.id", int? limit = null)
    {
        var rows = await db.QueryAsync<ObservationRow>(
            $"{ObservationRow.Select} where {where} order by {orderBy}" + (limit is { } take ? $" limit {take}" : ""), param, ct);
        if (rows.Count == 0) return [];
        var history = await db.QueryAsync<ObservationHistoryRow>(ObservationHistoryRow.Select + " where observation_id = any(@ids) order by id",
            new { ids = rows.Select(r => r.Id).ToArray() }, ct);
        return rows.Select(r => r.ToObservation(history, now)).ToList();
    }

    public static async Task<Observation> LoadObservationAsync(this DbSession db, Guid id, DateTimeOffset now, CancellationToken ct) =>
        (await db.LoadObservationsAsync("o.id = @id", new { id }, now, ct)).SingleOrDefault() ?? throw new NotFoundException(ObservationTexts.NotFound, id);

    /// <summary>Stores a new observation at the neighbourhood its point lies in, its description screened, and opens its history.</summary>
    public static async Task<Observation> RecordAsync(this DbSession db, AreaLocator locator, TimeProvider clock, ObservationInput input,
        string reporterKind, string reporterRef, CancellationToken ct, string? reporterEmail = null, ProcessedPhoto? photo = null)
    {
        var now = clock.GetUtcNow();
        var area = await locator.LocateAsync(input.Lat, input.Lon, ct);
        if (area is null || area.Kind != AreaKind.Neighbourhood) throw OutsideDistrict(reporterKind);
        var description = input.Description.Trim();
        // Whoever reports, what looks like personal data waits for a moderator; the rest of the observation is public at once.
        var findings = ConfidentialityPolicy.Screen(("description", description));
        var id = await db.QuerySingleOrDefaultAsync<Guid>("""
            insert into observation (category, description, description_status, findings, severity, lat, lon, area_id, walk_id, reporter_kind, reporter_ref,
                                     reporter_email, created_at, updated_at)
            select @Category, @description, @DescriptionStatus, @Findings::jsonb, @Severity, @Lat, @Lon, a.id, @WalkId, @reporterKind, @reporterRef,
                   @reporterEmail, @now, @now
            from area a where a.slug = @Slug
            returning id
            """, new
        {
            Category = WireName.Of(input.Category),
            description,
            DescriptionStatus = findings.Count > 0 ? "held" : "cleared",
            Findings = JsonSerializer.Serialize(findings, Json.Options),
            Severity = (short)input.Severity,
            input.Lat,
            input.Lon,
            input.WalkId,
            reporterKind,
            reporterRef,
            reporterEmail,
            now,
            area.Slug,
        }, ct);
        await db.ExecuteAsync("insert into observation_history (observation_id, at, status) values (@id, @now, 'reported')", new { id, now }, ct);
        // A photo always waits for staff to look at it, whatever the text filter found.
        if (photo is not null)
            await db.ExecuteAsync("""
                insert into observation_photo (observation_id, status, version, image, width, height, thumbnail, thumb_width, thumb_height, created_at)
                values (@id, 'held', @Version, @Image, @Width, @Height, @Thumbnail, @ThumbWidth, @ThumbHeight, @now)
                """, new { id, photo.Version, photo.Image, photo.Width, photo.Height, photo.Thumbnail, photo.ThumbWidth, photo.ThumbHeight, now }, ct);
        return await db.LoadObservationAsync(id, now, ct);
    }

    /// <summary>A resident's report names the fields of its point; the other writes keep their 422.</summary>
    private static Exception OutsideDistrict(string reporterKind) => reporterKind == "resident"
        ? new FluentValidation.ValidationException([
            new FluentValidation.Results.ValidationFailure("latitude", ObservationTexts.PointOutsideDistrict.Format()),
            new FluentValidation.Results.ValidationFailure("longitude", ObservationTexts.PointOutsideDistrict.Format())])
        : new BusinessRuleException(ObservationTexts.OutsideDistrict);
}
