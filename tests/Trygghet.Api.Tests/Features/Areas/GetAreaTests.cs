using System.Text.Json;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Areas;

public sealed class GetAreaTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_neighbourhood_comes_with_its_GeoJSON_boundary_parent_and_ETag()
    {
        var http = Api.CreateClient();
        var response = await http.GetAsync("/api/v1/areas/midsommarkransen");
        var area = await Api.Client().GetAreaAsync("midsommarkransen");

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("Midsommarkransen", area.Name);
        Assert.Equal("hagersten-alvsjo", area.Parent!.Slug);
        var boundary = Assert.IsType<JsonElement>(area.Boundary);
        Assert.Equal("Polygon", boundary.GetProperty("type").GetString());
        Assert.True(boundary.GetProperty("coordinates")[0].GetArrayLength() > 10);
    }

    [Fact]
    public async Task The_district_boundary_is_the_union_of_its_neighbourhoods()
    {
        var district = await Api.Client().GetAreaAsync("hagersten-alvsjo");

        Assert.Equal(17, district.Children.Count);
        var type = Assert.IsType<JsonElement>(district.Boundary).GetProperty("type").GetString();
        Assert.Contains(type, new[] { "Polygon", "MultiPolygon" });
    }

    [Fact]
    public async Task An_unknown_area_is_a_404_problem_in_Swedish_by_default()
    {
        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().GetAreaAsync("gamla-stan"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Området 'gamla-stan' finns inte.", error.Result.Detail);
    }
}
