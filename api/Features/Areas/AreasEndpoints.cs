using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Areas;

public static class AreasEndpoints
{
    public static IServiceCollection AddAreas(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AreaLocator>();
        services.AddSingleton<KnownAreas>();
        services.AddSettings<MapOptions>(configuration, "Map", (map, _) =>
        [
            .. Settings.Between("Map__MaxZoom", map.MaxZoom, 1, 22),
            .. string.IsNullOrWhiteSpace(map.TileUrl) || (map.TileUrl.Contains("{z}", StringComparison.Ordinal) && map.TileUrl.Contains("{x}", StringComparison.Ordinal)
                && map.TileUrl.Contains("{y}", StringComparison.Ordinal) && Uri.TryCreate(map.TileUrl.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var tiles)
                && tiles.Scheme is "http" or "https")
                ? Array.Empty<string>()
                : [$"Map__TileUrl must be an absolute http(s) address with {{z}}, {{x}} and {{y}}, not '{map.TileUrl}'."],
        ]);
        services.AddSingleton<IStartupTask, AreaSeedTask>();
        return services;
    }

    public static void MapAreas(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/areas").WithTags("Areas").WithProblemExample(StatusCodes.Status404NotFound, AreaTexts.NotFound, "fruangn");

        group.MapGet("/", ListAreas)
            .WithName(nameof(ListAreas)).PublicCache(SharedCache.Reference)
            .WithSummary("The tree of areas: Stockholm → Hägersten-Älvsjö → its 17 neighbourhoods (no geometry).");

        group.MapGet("/locate", LocateArea)
            .WithName(nameof(LocateArea)).PublicCache(SharedCache.Reference)
            .WithSummary("The neighbourhood (stadsdel) containing a WGS84 point.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapGet("/{slug}", GetArea)
            .WithName(nameof(GetArea)).PublicCache(SharedCache.Reference)
            .WithSummary("One area with its GeoJSON boundary. The ETag header carries the version for If-Match.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapGet("/map", GetBaseMap)
            .WithName(nameof(GetBaseMap)).PublicCache(SharedCache.Reference)
            .WithTags("Areas")
            .WithSummary("What every map starts from: the configured tile source (null when none) and the neighbourhoods within an area as a GeoJSON FeatureCollection, to draw as the base when there are no tiles.")
            .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapPut("/{slug}/population", UpdateAreaPopulation)
            .WithName(nameof(UpdateAreaPopulation))
            .WithSummary("Set an area's population figure (audited). Requires If-Match with the ETag last read.")
            .RequireRoles(Roles.Admin, Roles.Staff)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired);
    }

    public static async Task<Ok<IReadOnlyList<AreaNode>>> ListAreas(IMediator mediator, HttpContext http, CancellationToken ct)
    {
        return TypedResults.Ok(await mediator.Send(new ListAreasQuery(), ct));
    }

    /// <param name="lat" example="59.301856">Latitude (WGS84), e.g. 59.301856.</param>
    /// <param name="lon" example="18.012037">Longitude (WGS84), e.g. 18.012037.</param>
    public static async Task<Ok<AreaRef>> LocateArea([FromQuery, Required] double? lat, [FromQuery, Required] double? lon, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new LocateAreaQuery(lat, lon), ct));

    /// <param name="slug" example="midsommarkransen">The area's slug, e.g. <c>midsommarkransen</c>.</param>
    public static async Task<Ok<AreaDetail>> GetArea(string slug, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var area = await mediator.Send(new GetAreaQuery(slug), ct);
        http.Response.Headers.ETag = ETags.For(area.Version);
        return TypedResults.Ok(area);
    }

    /// <param name="area" example="hagersten-alvsjo">The area whose neighbourhoods are drawn; the district by default.</param>
    public static async Task<Ok<BaseMap>> GetBaseMap([FromQuery] string? area, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        return TypedResults.Ok(await mediator.Send(new GetBaseMapQuery(area ?? "hagersten-alvsjo"), ct));
    }

    /// <param name="slug" example="midsommarkransen">The area's slug.</param>
    /// <param name="ifMatch" example="&quot;1&quot;">The ETag of the area as last read.</param>
    /// <param name="update">The new figure.</param>
    public static async Task<Ok<AreaDetail>> UpdateAreaPopulation(string slug, [FromHeader(Name = "If-Match"), Required] string? ifMatch,
        AreaPopulationUpdate update, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var area = await mediator.Send(new UpdateAreaPopulationCommand(slug, ETags.RequireVersion(ifMatch), update.Population, update.Year), ct);
        http.Response.Headers.ETag = ETags.For(area.Version);
        return TypedResults.Ok(area);
    }
}
