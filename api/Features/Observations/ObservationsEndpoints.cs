using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Registrations;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>
/// Observations from safety walks and their follow-up, and the moderation of their descriptions. Reading is public
/// (never who reported); recording and follow-up are for staff and actors.
/// </summary>
public static class ObservationsEndpoints
{
    /// <summary>Who reviews what the confidentiality policy holds.</summary>
    private static readonly string[] ObservationModerators = [Roles.Admin, Roles.Staff, Roles.Moderator];

    /// <summary>The path of residents' reports: its body may be as large as a photo (<see cref="PhotoOptions.MaxBytes"/>).</summary>
    public const string ReportPath = "/api/v1/observations/reports";

    /// <summary>The header carrying the secret of a stop-following link (the part after <c>#</c>).</summary>
    public const string FollowTokenHeader = "X-Follow-Token";

    public static IServiceCollection AddObservations(this IServiceCollection services, IConfiguration configuration, ApiOptions api)
    {
        var photos = Settings.Read<PhotoOptions>(configuration, "Photos");
        services.AddSettings<PhotoOptions>(configuration, "Photos", (p, _) =>
        [
            .. Settings.AtLeast("Photos__MaxBytes", p.MaxBytes, 1024),
            .. Settings.AtLeast("Photos__MaxPixels", p.MaxPixels, 1),
            .. Settings.Between("Photos__MaxSide", p.MaxSide, 16, 16_384),
            .. Settings.Between("Photos__ThumbnailSide", p.ThumbnailSide, 16, p.MaxSide),
            .. Settings.Between("Photos__Quality", p.Quality, 1, 100),
        ], registerValue: false);
        services.AddSingleton(photos);
        api.LargeBodies[ReportPath] = photos.MaxBytes + PhotoOptions.FormOverheadBytes;
        services.AddSingleton<IStartupTask, DemoReportsTask>();
        services.AddScoped<ReportFollowers>();
        return services;
    }

    public static void MapObservations(this IEndpointRouteBuilder api)
    {
        api.MapGet("/observation-categories", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListObservationCategoriesQuery(), ct)))
            .WithName("ListObservationCategories").PublicCache(SharedCache.Reference, CacheVary.Language).WithTags("Observations")
            .WithSummary("The categories of observations, each with the Safetipin audit parameter it affects.");

        var observations = api.MapGroup("/observations").WithTags("Observations")
            .WithProblemExample(StatusCodes.Status404NotFound, ObservationTexts.NotFound, ExampleValues.ObservationId);
        observations.MapGet("/", ListObservations).WithName(nameof(ListObservations)).PublicCache(SharedCache.Listing)
            .WithFieldProblemExample("area", AreaTexts.UnknownArea, "fruangn")
            .WithSummary("Observations, newest first, with their follow-up; by area (a district includes its neighbourhoods), status, category, walk, overdue. A resident's report is listed once staff have looked at its photo or held description; until then only its id reaches it, and only staff, moderators and admins see it listed.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        observations.MapGet("/{id:guid}", GetObservation).WithName(nameof(GetObservation)).PublicCache(SharedCache.Listing)
            .WithSummary("One observation with its public history.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        observations.MapPost("/", RecordObservation).WithName(nameof(RecordObservation))
            .WithSummary("Record an observation at a point; it is assigned to its neighbourhood (outside the district: 422).")
            .RequireRoles(Roles.Admin, Roles.Staff, Roles.Actor)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        observations.MapGet("/assigned", ListAssignedObservations).WithName(nameof(ListAssignedObservations))
            .WithSummary("What is assigned to the caller's organisation (role actor), deadline first.")
            .RequireRoles(Roles.Actor)
            .ProducesProblems();
        observations.MapPost("/{id:guid}/assign", AssignObservation).WithName(nameof(AssignObservation))
            .WithSummary("Give an observation to a responsible actor with a deadline (audited; kept in the public history).")
            .RequireRoles(Roles.Admin, Roles.Staff)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        observations.MapPost("/{id:guid}/status", ChangeObservationStatus).WithName(nameof(ChangeObservationStatus))
            .WithSummary("Move the follow-up on (audited; kept in the public history). Actors only for what is assigned to them.")
            .WithDescription("""
                Forward along `reported → investigating → planned → inProgress → fixed` (steps may be skipped); from any open status
                to `notResponsible`, `duplicate` (with `duplicateOf`) or `closed`, each with a public `note`; from `fixed` to `closed`.
                Anything else is 409.
                """)
            .RequireRoles(Roles.Admin, Roles.Staff, Roles.Actor)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        observations.MapGet("/review", ListHeldObservations).WithName(nameof(ListHeldObservations))
            .WithSummary("Descriptions held by the confidentiality policy, oldest first, with what the filter found and where.")
            .WithDescription("""
                Every description is screened when it is recorded, whoever reports it. One that looks like it holds personal data
                (identity numbers, phone numbers, e-mail or street addresses) is held: the observation is public at once, its
                description only once a moderator clears or redacts it.
                """)
            .RequireRoles(ObservationModerators)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        observations.MapPost("/{id:guid}/description/clear", ClearObservationDescription).WithName(nameof(ClearObservationDescription))
            .WithSummary("Publish a held description as it is (audited); with findings only when acknowledged.")
            .RequireRoles(ObservationModerators)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity);
        observations.MapPut("/{id:guid}/description", RedactObservationDescription).WithName(nameof(RedactObservationDescription))
            .WithSummary("Replace a description with a redacted text, published at once (audited without the text); the original is kept for admins.")
            .RequireRoles(ObservationModerators)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        observations.MapPost("/reports", ReportObservation).WithName(nameof(ReportObservation))
            .WithSummary("Anyone, without an account, reports an observation at a point, with an optional photo and e-mail address (multipart/form-data).")
            .WithDescription("""
                Anonymous and rate limited. Requires an `Idempotency-Key` header (8–255 visible ASCII characters, e.g. a UUID): a retry with
                the same key and the same report gets the same answer (header `Idempotent-Replayed: true`) and records nothing twice.

                The body is `multipart/form-data` (or `application/x-www-form-urlencoded` without a photo): `category`, `description`,
                `latitude` and `longitude` (WGS84, decimal point) are required; a point outside Hägersten-Älvsjö is a 400 naming
                `latitude` and `longitude`. `areaSlug` and `eventId` say which page the report came from (the point decides the
                neighbourhood). `email` is kept to follow the report (an acknowledgement at once, then an e-mail on each public
                change, each with a link to stop following), never shown, and erased with the photo.

                `photo` is one JPEG, PNG or WebP image, checked by its content (not its name or declared type); anything else is a
                415, HEIC too (with what to do instead). Over `Photos:MaxBytes` (default 10 MB) is a 413, refused from
                `Content-Length` before it is read. Neither records anything. The photo is re-encoded as JPEG (upright, longest
                side at most 2,048 pixels, with a 320-pixel thumbnail) and nothing else of the file is kept: no EXIF, GPS or
                maker notes. A report with a photo is always held until staff have looked at the photo (`photoHeld`); its
                description passes the confidentiality policy like every public text (`descriptionHeld`).
                """)
            .Accepts<ObservationReportForm>("multipart/form-data")
            .WithMetadata(new FormBody(typeof(ObservationReportForm)))
            .DisableAntiforgery()
            .RequireRateLimiting(Operations.AnonymousWrites)
            .WithFieldProblemExample("latitude", ObservationTexts.PointOutsideDistrict)
            .WithProblemExample(StatusCodes.Status413PayloadTooLarge, ObservationTexts.PhotoTooLarge, 10_485_760)
            .WithProblemExample(StatusCodes.Status415UnsupportedMediaType, ObservationTexts.PhotoFormat)
            .WithProblemExample(StatusCodes.Status422UnprocessableEntity, ObservationTexts.WalkUnknown, ExampleValues.WalkId)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);
        observations.MapPost("/follow/stop", StopFollowingObservation).WithName(nameof(StopFollowingObservation))
            .WithSummary("Stop following a report through the link in its e-mails (token in the X-Follow-Token header): the address is erased at once.")
            .WithDescription("""
                A resident who gave an `email` with a report gets an acknowledgement, then an e-mail on each public change (status
                and its note, the responsible organisation, the held description or photo published or removed). Each e-mail
                carries a link `/iakttagelser/sluta-folja#<token>`; this erases the report's address and the e-mails about it not
                yet sent, and nothing more is sent. The observation itself is unchanged. Using a link again answers 204 as well;
                an unknown link is 404.
                """)
            .RequireRateLimiting(Operations.AnonymousWrites)
            .WithProblemExample(StatusCodes.Status404NotFound, ObservationTexts.FollowLinkUnknown)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        observations.MapGet("/{id:guid}/photo", GetObservationPhoto).WithName(nameof(GetObservationPhoto)).PublicCache(SharedCache.Live)
            .WithSummary("The observation's photo (image/jpeg, no metadata): public once staff have cleared it; 404 while held or after removal.")
            .WithDescription("""
                With the `v` of the observation's `photo.url` the answer is `Cache-Control: public, max-age=31536000, s-maxage=31536000, immutable`
                (the version changes with the image); without it, browsers revalidate every time (`max-age=0`, with an `ETag`)
                and shared caches keep it for seconds. Staff, moderators and admins also get a held photo with their token
                (`Cache-Control: private, no-store`).
                """)
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg")
            .WithProblemExample(StatusCodes.Status404NotFound, ObservationTexts.NoPhoto, ExampleValues.ObservationId)
            .ProducesProblems(StatusCodes.Status404NotFound);
        observations.MapGet("/{id:guid}/photo/thumbnail", GetObservationPhotoThumbnail).WithName(nameof(GetObservationPhotoThumbnail)).PublicCache(SharedCache.Live)
            .WithSummary("The photo's thumbnail (image/jpeg, longest side 320 pixels), on the same terms as the photo.")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg")
            .WithProblemExample(StatusCodes.Status404NotFound, ObservationTexts.NoPhoto, ExampleValues.ObservationId)
            .ProducesProblems(StatusCodes.Status404NotFound);
        observations.MapPost("/{id:guid}/photo/clear", ClearObservationPhoto).WithName(nameof(ClearObservationPhoto))
            .WithSummary("Publish a report's held photo once it has been looked at (audited).")
            .RequireRoles(ObservationModerators)
            .WithProblemExample(StatusCodes.Status409Conflict, ObservationTexts.PhotoNotHeld)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        observations.MapDelete("/{id:guid}/photo", RemoveObservationPhoto).WithName(nameof(RemoveObservationPhoto))
            .WithSummary("Remove a report's photo, held or public: the image and its thumbnail are deleted (audited).")
            .RequireRoles(ObservationModerators)
            .ProducesProblems(StatusCodes.Status404NotFound);

        api.MapPost("/registration/observations", RecordParticipantObservation).WithName(nameof(RecordParticipantObservation))
            .WithTags("Observations", "Registrations")
            .WithSummary("A walk's participant records an observation through their manage link (X-Registration-Token), from the walk's start until two weeks after.")
            .RequireRateLimiting(Operations.AnonymousWrites)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);

    }

    /// <param name="area">Neighbourhood or district slug.</param>
    /// <param name="status">Only this status.</param>
    /// <param name="category">Only this category.</param>
    /// <param name="walkId">Only from this walk.</param>
    /// <param name="overdue">true: only overdue; false: none overdue.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<Page<Observation>>> ListObservations(string? area, [QueryEnum(typeof(ObservationStatus))] string? status,
        [QueryEnum(typeof(ObservationCategory))] string? category, Guid? walkId, bool? overdue, int? limit, string? cursor, IMediator mediator,
        ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        // Those who review reports see the held ones in their follow-up too; that answer is theirs alone.
        var includeHeld = ObservationModerators.Any(user.IsInRole);
        if (includeHeld) http.NotShared();
        return TypedResults.Ok(await mediator.Send(new ListObservationsQuery(area, QueryEnum.Parse<ObservationStatus>(status, "status"),
            QueryEnum.Parse<ObservationCategory>(category, "category"), walkId, overdue, limit, cursor, includeHeld), ct));
    }

    public static async Task<Ok<Observation>> GetObservation(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetObservationQuery(id), ct));

    public static async Task<Created<Observation>> RecordObservation(ObservationInput input, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var user = http.User;
        var (kind, reference) = user.Role() == Roles.Actor ? ("actor", user.RequireActorId().ToString()) : ("staff", user.Subject());
        var observation = await mediator.Send(new RecordObservationCommand(input, kind, reference), ct);
        return TypedResults.Created($"/api/v1/observations/{observation.Id}", observation);
    }

    public static async Task<Ok<IReadOnlyList<Observation>>> ListAssignedObservations(IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAssignedObservationsQuery(http.User.RequireActorId()), ct));

    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<Page<ObservationReview>>> ListHeldObservations(int? limit, string? cursor, IMediator mediator, HttpContext http,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListHeldObservationsQuery(limit, cursor, http.User.Role() == Roles.Admin), ct));

    public static async Task<Ok<ObservationReview>> ClearObservationDescription(Guid id, DescriptionClearance request, IMediator mediator, HttpContext http,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ClearObservationDescriptionCommand(id, request, http.User.Role() == Roles.Admin), ct));

    public static async Task<Ok<ObservationReview>> RedactObservationDescription(Guid id, DescriptionRedaction request, IMediator mediator, HttpContext http,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RedactObservationDescriptionCommand(id, request, http.User.Role() == Roles.Admin), ct));

    public static async Task<Ok<Observation>> AssignObservation(Guid id, AssignRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new AssignObservationCommand(id, request), ct));

    public static async Task<Ok<Observation>> ChangeObservationStatus(Guid id, StatusChangeRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ChangeObservationStatusCommand(id, request,
            http.User.Role() == Roles.Actor ? http.User.RequireActorId() : null), ct));

    /// <param name="idempotencyKey" example="0f8fad5b-d9cb-469f-a165-70867728950e">A key the client generates per report and reuses on retries.</param>
    public static async Task<Created<Observation>> ReportObservation([FromHeader(Name = Idempotency.Header), Required] string? idempotencyKey,
        HttpRequest request, PhotoOptions photos, IMediator mediator, CancellationToken ct)
    {
        if (!request.HasFormContentType) throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, ObservationTexts.SendMultipart);
        var form = await request.ReadFormAsync(ct);
        if (form.Files.Count > 1 || form.Files.Any(f => f.Name != "photo"))
            throw new FluentValidation.ValidationException([new("photo", ObservationTexts.OnePhoto.Format())]);
        ProcessedPhoto? photo = null;
        string? photoHash = null;
        if (form.Files.GetFile("photo") is { Length: > 0 } file)
        {
            if (file.Length > photos.MaxBytes) throw new ProblemException(StatusCodes.Status413PayloadTooLarge, ObservationTexts.PhotoTooLarge, photos.MaxBytes);
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
            photoHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
            photo = PhotoProcessor.Process(bytes, photos);
        }
        var outcome = await mediator.Send(new ReportObservationCommand(idempotencyKey ?? "", ObservationReportFields.From(form), photo, photoHash), ct);
        if (outcome.Replayed) request.HttpContext.Response.Headers[Idempotency.ReplayedHeader] = "true";
        return TypedResults.Created($"/api/v1/observations/{outcome.Observation.Id}", outcome.Observation);
    }

    /// <param name="token" example="Zr5Tq1Wx8Km3Pv7Ny2Lb6Hd0Fg4Js9Ac-e_Oi1Uw5Qy">The secret of the stop-following link (the part after <c>#</c>), as a header.</param>
    public static async Task<NoContent> StopFollowingObservation([FromHeader(Name = FollowTokenHeader), Required] string? token, IMediator mediator,
        CancellationToken ct)
    {
        await mediator.Send(new StopFollowingObservationCommand(token ?? ""), ct);
        return TypedResults.NoContent();
    }

    /// <param name="v">The photo's version, as in the observation's <c>photo.url</c>: with it the answer is cached for a year.</param>
    public static Task<IResult> GetObservationPhoto(Guid id, string? v, IMediator mediator, HttpContext http, CancellationToken ct) =>
        PhotoAsync(id, v, thumbnail: false, mediator, http, ct);

    /// <param name="v">The photo's version, as in the observation's <c>photo.thumbnailUrl</c>: with it the answer is cached for a year.</param>
    public static Task<IResult> GetObservationPhotoThumbnail(Guid id, string? v, IMediator mediator, HttpContext http, CancellationToken ct) =>
        PhotoAsync(id, v, thumbnail: true, mediator, http, ct);

    private static async Task<IResult> PhotoAsync(Guid id, string? version, bool thumbnail, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var reviewer = http.User.Role() is { } role && ObservationModerators.Contains(role);
        var photo = await mediator.Send(new GetObservationPhotoQuery(id, thumbnail, reviewer), ct);
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{photo.Version}{(thumbnail ? "-t" : "")}\"");
        if (!photo.Public) http.NotShared();
        else if (version == photo.Version) http.ImmutableAnswer();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(photo.Content, "image/jpeg", entityTag: etag);
    }

    public static async Task<Ok<ObservationReview>> ClearObservationPhoto(Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ClearObservationPhotoCommand(id, http.User.Role() == Roles.Admin), ct));

    public static async Task<Ok<ObservationReview>> RemoveObservationPhoto(Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RemoveObservationPhotoCommand(id, http.User.Role() == Roles.Admin), ct));

    /// <param name="token">The secret of the manage link of a walk's registration, as a header.</param>
    public static async Task<Created<Observation>> RecordParticipantObservation([FromHeader(Name = ManageTokenRules.Header), Required] string? token,
        ParticipantObservationInput input, IMediator mediator, CancellationToken ct)
    {
        var observation = await mediator.Send(new RecordParticipantObservationCommand(token ?? "", input), ct);
        return TypedResults.Created($"/api/v1/observations/{observation.Id}", observation);
    }
}
