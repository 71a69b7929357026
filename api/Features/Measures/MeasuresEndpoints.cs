using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Measures;

/// <summary>
/// Safety measures and the areas' Atom feeds. Reading is public; publishing and changing measures are for staff.
/// </summary>
public static class MeasuresEndpoints
{
    public const string AtomMediaType = "application/atom+xml";

    public static void MapMeasures(this IEndpointRouteBuilder api)
    {
        var measures = api.MapGroup("/measures").WithTags("Measures")
            .WithProblemExample(StatusCodes.Status404NotFound, MeasureTexts.NotFound, "6e1c3a5b-9d7f-4b2e-8a4c-1f3e5d7b9a02");
        measures.MapGet("/", ListMeasures).WithName(nameof(ListMeasures)).PublicCache(SharedCache.Listing)
            .WithFieldProblemExample("area", AreaTexts.UnknownArea, "fruangn")
            .WithSummary("Safety measures (trygghetsskapande åtgärder), newest first; by area (a neighbourhood includes the district's own) and status.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        measures.MapGet("/{id:guid}", GetMeasure).WithName(nameof(GetMeasure)).PublicCache(SharedCache.Listing)
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

        api.MapGet("/areas/{slug}/feed.atom", async (string slug, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                return TypedResults.Text(await mediator.Send(new GetAreaFeedQuery(slug), ct), $"{AtomMediaType}; charset=utf-8");
            })
            .WithName("GetAreaFeed").PublicCache(SharedCache.Listing, CacheVary.Language).WithTags("Measures", "Feeds")
            .WithSummary("Atom feed of an area's measures and its observations' status changes, newest first (50).")
            .WithDescription("""
                Each entry says what happened in words — `Åtgärd: …` or `Iakttagelse: Belysning (Fruängen)`, then the status
                (`Pågår: …`) — in Swedish, or in English with `Accept-Language: en` (or `?culture=en` for a feed reader that
                cannot send the header).
                """)
            .Produces<string>(StatusCodes.Status200OK, AtomMediaType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    /// <param name="area">Neighbourhood or district slug.</param>
    /// <param name="status">Only this status.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<Page<Measure>>> ListMeasures(string? area, [QueryEnum(typeof(MeasureStatus))] string? status, int? limit, string? cursor,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMeasuresQuery(area, QueryEnum.Parse<MeasureStatus>(status, "status"), limit, cursor), ct));

    public static async Task<Ok<Measure>> GetMeasure(Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new GetMeasureQuery(id), ct)));

    public static async Task<Created<Measure>> CreateMeasure(MeasureInput input, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var measure = await mediator.Send(new CreateMeasureCommand(input), ct);
        http.Response.Headers.ETag = ETags.For(measure.Version);
        return TypedResults.Created($"/api/v1/measures/{measure.Id}", measure);
    }

    /// <param name="ifMatch" example="&quot;1&quot;">The ETag of the measure as last read.</param>
    public static async Task<Ok<Measure>> UpdateMeasure(Guid id, [FromHeader(Name = "If-Match"), Required] string? ifMatch, MeasureInput input,
        IMediator mediator, HttpContext http, CancellationToken ct) =>
        Tagged(http, TypedResults.Ok(await mediator.Send(new UpdateMeasureCommand(id, ETags.RequireVersion(ifMatch), input), ct)));

    private static Ok<Measure> Tagged(HttpContext http, Ok<Measure> result)
    {
        http.Response.Headers.ETag = ETags.For(result.Value!.Version);
        return result;
    }
}
