using System.Net;
using System.Text.Json;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Areas;

public sealed class GetBaseMapTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_district_map_has_its_17_neighbourhoods_as_GeoJSON_and_no_tiles_unless_configured()
    {
        var map = await Api.Client().GetBaseMapAsync(null);

        Assert.Null(map.Tiles);
        Assert.Equal("FeatureCollection", map.Areas.Type);
        Assert.Equal(17, map.Areas.Features.Count);
        var fruangen = Assert.Single(map.Areas.Features, f => f.Id == "fruangen");
        Assert.Equal("Feature", fruangen.Type);
        Assert.Equal("Fruängen", fruangen.Properties.Name);
        var geometry = Assert.IsType<JsonElement>(fruangen.Geometry);
        Assert.Contains(geometry.GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        // Five decimals: about a metre, enough for any boundary drawn.
        var first = geometry.GetProperty("coordinates")[0][0];
        if (first.ValueKind == JsonValueKind.Array && first[0].ValueKind == JsonValueKind.Array) first = first[0];
        Assert.All(first.EnumerateArray(), c => Assert.Equal(Math.Round(c.GetDouble(), 5), c.GetDouble()));
        Assert.InRange(first[0].GetDouble(), 17.9, 18.1); // lon first, as GeoJSON has it
        Assert.InRange(first[1].GetDouble(), 59.2, 59.4);
    }

    [Fact]
    public async Task A_neighbourhood_map_is_that_neighbourhood_only_and_is_cacheable_by_anyone()
    {
        var response = await Api.CreateClient().GetAsync("/api/v1/map?area=aspudden");
        var map = await Api.Client().GetBaseMapAsync("aspudden");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Trygghet.Api.Infrastructure.SharedCache.Reference.Header, response.Headers.CacheControl?.ToString());
        Assert.Equal("aspudden", Assert.Single(map.Areas.Features).Id);
    }

    [Fact]
    public async Task An_unknown_area_is_a_400_naming_the_parameter()
    {
        var error = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => Api.Client().GetBaseMapAsync("fruangn"));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Okänt område: fruangn", Assert.Single(error.Result.Errors["area"]));
    }

    [Fact]
    public async Task A_configured_tile_source_is_handed_to_every_map_with_its_credit()
    {
        await using var host = Api.WithWebHostBuilder(b =>
        {
            b.UseSetting("Map:TileUrl", "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
            b.UseSetting("Map:TileAttribution", "© OpenStreetMap contributors");
        });
        var http = host.CreateClient();
        var map = await new TrygghetClient(http.BaseAddress!, http).GetBaseMapAsync(null);

        Assert.Equal("https://tile.openstreetmap.org/{z}/{x}/{y}.png", map.Tiles!.UrlTemplate);
        Assert.Equal("© OpenStreetMap contributors", map.Tiles.Attribution);
        Assert.Equal(19, map.Tiles.MaxZoom);
    }
}
