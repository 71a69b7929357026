using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Features.Registrations;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>
/// Observations from safety walks and their follow-up, measures, the feedback of closed events, and the areas'
/// Atom feeds. Reading is public (never who reported); recording and follow-up are for staff and actors.
/// </summary>
public static class ObservationsEndpoints
{
    public const string AtomMediaType = "application/atom+xml";

    /// <summary>Who reviews what the confidentiality policy holds.</summary>
    private static readonly string[] ObservationModerators = [Roles.Admin, Roles.Staff, Roles.Moderator];

    public static void MapObservations(this IEndpointRouteBuilder api)
    {
        api.MapGet("/observation-categories", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListCategories(), ct)))
            .WithName("ListObservationCategories").WithTags("Observations")
            .WithSummary("The categories of observations, each with the Safetipin audit parameter it affects.");

        var observations = api.MapGroup("/observations").WithTags("Observations");
        observations.MapGet("/", ListObservations).WithName(nameof(ListObservations))
            .WithSummary("Observations, newest first, with their follow-up; by area (a district includes its neighbourhoods), status, category, walk, overdue.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        observations.MapGet("/{id:guid}", GetObservation).WithName(nameof(GetObservation))
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

        api.MapPost("/registration/observations", RecordParticipantObservation).WithName(nameof(RecordParticipantObservation))
            .WithTags("Observations", "Registrations")
            .WithSummary("A walk's participant records an observation through their manage link (X-Registration-Token), from the walk's start until two weeks after.")
            .RequireRateLimiting(Operations.AnonymousWrites)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);

        var measures = api.MapGroup("/measures").WithTags("Measures");
        measures.MapGet("/", ListMeasures).WithName(nameof(ListMeasures))
            .WithSummary("Safety measures (trygghetsskapande åtgärder), newest first; by area (a neighbourhood includes the district's own) and status.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        measures.MapGet("/{id:guid}", GetMeasure).WithName(nameof(GetMeasure))
            .WithSummary("One measure with the observations and events it answers; the ETag header carries the version.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        measures.MapPost("/", CreateMeasure).WithName(nameof(CreateMeasure))
            .WithSummary("Publish a measure (audited).")
            .RequireRoles(Roles.Admin, Roles.Staff)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        measures.MapPut("/{id:guid}", UpdateMeasure).WithName(nameof(UpdateMeasure))
            .WithSummary("Change a measure, its status and links (If-Match; audited).")
            .RequireRoles(Roles.Admin, Roles.Staff)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);

        foreach (var (path, kind, singular, tag) in new[] { ("/dialogues", EventKind.Dialogue, "Dialogue", "Dialogues"), ("/walks", EventKind.Walk, "Walk", "Walks") })
            api.MapGet($"{path}/{{idOrSlug}}/feedback", (string idOrSlug, IMediator mediator, CancellationToken ct) => GetFeedback(kind, idOrSlug, mediator, ct))
                .WithName($"Get{singular}Feedback").WithTags(tag, "Measures")
                .WithSummary($"The feedback (återkoppling) of a closed {singular.ToLowerInvariant()}: what was raised, answered and is being done (409 before it is closed).")
                .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapGet("/areas/{slug}/feed.atom", async (string slug, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=300";
                return TypedResults.Text(await mediator.Send(new GetAreaFeed(slug), ct), $"{AtomMediaType}; charset=utf-8");
            })
            .WithName("GetAreaFeed").WithTags("Measures", "Feeds")
            .WithSummary("Atom feed of an area's measures and its observations' status changes, newest first (50).")
            .Produces<string>(StatusCodes.Status200OK, AtomMediaType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    /// <param name="area">Neighbourhood or district slug.</param>
    /// <param name="status">Only this status.</param>
    /// <param name="category">Only this category.</param>
    /// <param name="walkId">Only from this walk.</param>
    /// <param name="overdue">true: only overdue; false: none overdue.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<Page<Observation>>> ListObservations(string? area, [QueryEnum(typeof(ObservationStatus))] string? status,
        [QueryEnum(typeof(ObservationCategory))] string? category, Guid? walkId, bool? overdue, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Features.Observations.ListObservations(area, QueryEnum.Parse<ObservationStatus>(status, "status"),
            QueryEnum.Parse<ObservationCategory>(category, "category"), walkId, overdue, limit, cursor), ct));

    public static async Task<Ok<Observation>> GetObservation(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Features.Observations.GetObservation(id), ct));

    public static async Task<Created<Observation>> RecordObservation(ObservationInput input, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var user = http.User;
        var (kind, reference) = user.Role() == Roles.Actor ? ("actor", user.RequireActorId().ToString()) : ("staff", user.Subject());
        var observation = await mediator.Send(new Features.Observations.RecordObservation(input, kind, reference), ct);
        return TypedResults.Created($"/api/v1/observations/{observation.Id}", observation);
    }

    public static async Task<Ok<IReadOnlyList<Observation>>> ListAssignedObservations(IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Features.Observations.ListAssignedObservations(http.User.RequireActorId()), ct));

    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<Page<ObservationReview>>> ListHeldObservations(int? limit, string? cursor, IMediator mediator, HttpContext http,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Features.Observations.ListHeldObservations(limit, cursor, http.User.Role() == Roles.Admin), ct));

    public static async Task<Ok<ObservationReview>> ClearObservationDescription(Guid id, DescriptionClearance request, IMediator mediator, HttpContext http,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Features.Observations.ClearObservationDescription(id, request, http.User.Role() == Roles.Admin), ct));

    public static async Task<Ok<ObservationReview>> RedactObservationDescription(Guid id, DescriptionRedaction request, IMediator mediator, HttpContext http,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Features.Observations.RedactObservationDescription(id, request, http.User.Role() == Roles.Admin), ct));

    public static async Task<Ok<Observation>> AssignObservation(Guid id, AssignRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Features.Observations.AssignObservation(id, request), ct));

    public static async Task<Ok<Observation>> ChangeObservationStatus(Guid id, StatusChangeRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Features.Observations.ChangeObservationStatus(id, request,
            http.User.Role() == Roles.Actor ? http.User.RequireActorId() : null), ct));

    /// <param name="token">The secret of the manage link of a walk's registration, as a header.</param>
    public static async Task<Created<Observation>> RecordParticipantObservation([FromHeader(Name = ManageTokenRules.Header), Required] string? token,
        ParticipantObservationInput input, IMediator mediator, CancellationToken ct)
    {
        var observation = await mediator.Send(new Features.Observations.RecordParticipantObservation(token ?? "", input), ct);
        return TypedResults.Created($"/api/v1/observations/{observation.Id}", observation);
    }

    /// <param name="area">Neighbourhood or district slug.</param>
    /// <param name="status">Only this status.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<Page<Measure>>> ListMeasures(string? area, [QueryEnum(typeof(MeasureStatus))] string? status, int? limit, string? cursor,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new Features.Observations.ListMeasures(area, QueryEnum.Parse<MeasureStatus>(status, "status"), limit, cursor), ct));

    public static async Task<Ok<Measure>> GetMeasure(Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new Features.Observations.GetMeasure(id), ct)));

    public static async Task<Created<Measure>> CreateMeasure(MeasureInput input, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var measure = await mediator.Send(new Features.Observations.CreateMeasure(input), ct);
        http.Response.Headers.ETag = ETags.For(measure.Version);
        return TypedResults.Created($"/api/v1/measures/{measure.Id}", measure);
    }

    /// <param name="ifMatch" example="&quot;1&quot;">The ETag of the measure as last read.</param>
    public static async Task<Ok<Measure>> UpdateMeasure(Guid id, [FromHeader(Name = "If-Match"), Required] string? ifMatch, MeasureInput input,
        IMediator mediator, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new Features.Observations.UpdateMeasure(id, ETags.RequireVersion(ifMatch), input), ct)));

    private static async Task<Ok<EventFeedback>> GetFeedback(EventKind kind, string idOrSlug, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetEventFeedback(kind, idOrSlug), ct));

    private static Ok<Measure> Tagged(HttpContext http, Ok<Measure> result)
    {
        http.Response.Headers.ETag = ETags.For(result.Value!.Version);
        return result;
    }
}
