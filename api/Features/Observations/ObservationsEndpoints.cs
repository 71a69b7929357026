using System.ComponentModel.DataAnnotations;
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

    public static void MapObservations(this IEndpointRouteBuilder api)
    {
        api.MapGet("/observation-categories", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListObservationCategoriesQuery(), ct)))
            .WithName("ListObservationCategories").WithTags("Observations")
            .WithSummary("The categories of observations, each with the Safetipin audit parameter it affects.");

        var observations = api.MapGroup("/observations").WithTags("Observations")
            .WithProblemExample(StatusCodes.Status404NotFound, ObservationTexts.NotFound, ExampleValues.ObservationId);
        observations.MapGet("/", ListObservations).WithName(nameof(ListObservations))
            .WithFieldProblemExample("area", AreaTexts.UnknownArea, "fruangn")
            .WithSummary("Observations, newest first, with their follow-up; by area (a district includes its neighbourhoods), status, category, walk, overdue.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
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
        TypedResults.Ok(await mediator.Send(new ListObservationsQuery(area, QueryEnum.Parse<ObservationStatus>(status, "status"),
            QueryEnum.Parse<ObservationCategory>(category, "category"), walkId, overdue, limit, cursor), ct));

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

    /// <param name="token">The secret of the manage link of a walk's registration, as a header.</param>
    public static async Task<Created<Observation>> RecordParticipantObservation([FromHeader(Name = ManageTokenRules.Header), Required] string? token,
        ParticipantObservationInput input, IMediator mediator, CancellationToken ct)
    {
        var observation = await mediator.Send(new RecordParticipantObservationCommand(token ?? "", input), ct);
        return TypedResults.Created($"/api/v1/observations/{observation.Id}", observation);
    }
}
