using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Actors;

public static class ActorsEndpoints
{
    public static void MapActors(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/actors").WithTags("Actors").RequireRoles(Roles.Admin, Roles.Staff)
            .WithProblemExample(StatusCodes.Status404NotFound, ActorTexts.NotFound);

        group.MapGet("/", ListActors).WithName(nameof(ListActors))
            .WithSummary("Actors (organisations) with their contact data, oldest first.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapPost("/", CreateActor).WithName(nameof(CreateActor))
            .WithSummary("Register an actor (audited).")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:guid}", GetActor).WithName(nameof(GetActor))
            .WithSummary("One actor with contact data; the ETag header carries the version.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateActor).WithName(nameof(UpdateActor))
            .WithSummary("Edit an actor (audited). Requires If-Match with the ETag last read.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired);
    }

    /// <param name="kind">Only actors of this kind.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<Page<Actor>>> ListActors([QueryEnum(typeof(ActorKind))] string? kind, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListActorsQuery(QueryEnum.Parse<ActorKind>(kind, "kind"), limit, cursor), ct));

    public static async Task<Created<Actor>> CreateActor(ActorInput actor, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var created = await mediator.Send(new CreateActorCommand(actor), ct);
        http.Response.Headers.ETag = ETags.For(created.Version);
        return TypedResults.Created($"/api/v1/actors/{created.Id}", created);
    }

    public static async Task<Ok<Actor>> GetActor(Guid id, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var actor = await mediator.Send(new GetActorQuery(id), ct);
        http.Response.Headers.ETag = ETags.For(actor.Version);
        return TypedResults.Ok(actor);
    }

    /// <param name="ifMatch" example="&quot;1&quot;">The ETag of the actor as last read.</param>
    public static async Task<Ok<Actor>> UpdateActor(Guid id, [FromHeader(Name = "If-Match"), Required] string? ifMatch, ActorInput actor,
        IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var updated = await mediator.Send(new UpdateActorCommand(id, ETags.RequireVersion(ifMatch), actor), ct);
        http.Response.Headers.ETag = ETags.For(updated.Version);
        return TypedResults.Ok(updated);
    }
}
