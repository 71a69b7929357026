using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Places;

public static class PlacesEndpoints
{
    public static IServiceCollection AddPlaces(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Settings.Read<GeocodingOptions>(configuration, "Geocoding");
        services.AddSettings<GeocodingOptions>(configuration, "Geocoding", (geocoding, _) => geocoding.Problems(), registerValue: false);
        services.AddSingleton(options);
        services.AddSingleton<DistrictGazetteer>();
        services.AddSingleton<Geocoder>();
        services.AddHttpClient(Geocoder.HttpClientName, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                client.Timeout = Timeout.InfiniteTimeSpan; // the search's own timeout governs
                client.MaxResponseContentBufferSize = 1024 * 1024;
            })
            .RemoveAllLoggers(); // the request's address holds the typed text, which may be a resident's address
        return services;
    }

    public static void MapPlaces(this IEndpointRouteBuilder api)
    {
        api.MapGet("/places", SearchPlaces)
            .WithName(nameof(SearchPlaces)).PublicCache(SharedCache.Listing, CacheVary.Language)
            .WithTags("Places")
            .WithSummary("Places inside the district matching a typed address or name, best first: for placing a report on the map.")
            .WithDescription("""
                Finds where a resident means by a typed text, for placing an observation report without tapping the map.
                Two sources, every candidate inside one of the district's 17 neighbourhoods (its `area`, as
                `GET /api/v1/areas/locate` finds it):

                1. **Street addresses** from a Nominatim-compatible geocoder, when one is configured (`Geocoding__SearchUrl`),
                   asked within the district's bounding box; its places outside the neighbourhoods are left out (`kind`
                   `address`). If it fails or does not answer within `Geocoding__TimeoutSeconds`, the search still answers
                   from the district's own places and `addressSearch` is `unavailable`. **As the API starts by default
                   (`./run`) no geocoder is configured**: `addressSearch` is `notConfigured` and only the district's own
                   places are searched.
                2. **The district's own places**, always: the neighbourhoods (at a point inside each boundary), its
                   stations, squares, centres, parks, schools and known venues, and the venues and meeting points of
                   published dialogues and walks. Matching ignores case and accents (`alvsjo` finds Älvsjö) and ranks an
                   exact name, then a name starting with the text, then a word starting with it, then a name containing it.

                A place the district knows by exactly the text typed comes first, then the geocoder's addresses in its
                order, then the other places. With a public Nominatim, whose usage policy forbids search-as-you-type,
                call this when the resident submits the text, not on every keystroke. The text is never logged.
                """)
            .WithFieldProblemExample("q", PlaceTexts.QueryLength, 1)
            .RequireRateLimiting(Operations.PlaceSearches)
            .ProducesProblems(StatusCodes.Status400BadRequest);
    }

    /// <param name="q" example="fruängen">What the resident typed: an address, a street, a place or a neighbourhood (2–100 characters).</param>
    /// <param name="limit" example="8">How many places at most (1–20; 8 by default).</param>
    public static async Task<Ok<PlaceSearch>> SearchPlaces([FromQuery, Required] string? q, int? limit, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var search = await mediator.Send(new SearchPlacesQuery(q?.Trim(), limit), ct);
        if (search.AddressSearch == AddressSearch.Unavailable) http.NotShared(); // the geocoder may answer on the next try
        return TypedResults.Ok(search);
    }
}
