using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Areas;

public sealed class LocateAreaTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData(59.301856, 18.012037, "midsommarkransen")] // Midsommarkransen metro
    [InlineData(59.2787, 18.0105, "solberga")]             // Älvsjö station: the boundary cuts through Älvsjö centrum
    [InlineData(59.300921, 17.957283, "hagersten")]        // Mälarhöjden metro
    [InlineData(59.2846, 17.9694, "fruangen")]             // Fruängen metro
    public async Task A_point_is_located_in_its_neighbourhood(double lat, double lon, string expected)
    {
        var area = await Api.Client().LocateAreaAsync(lat, lon);

        Assert.Equal(expected, area.Slug);
        Assert.Equal(AreaKind.Neighbourhood, area.Kind);
    }

    [Theory]
    [InlineData(59.3293, 18.0686)] // Stockholm city centre
    [InlineData(57.7089, 11.9746)] // Göteborg
    public async Task A_point_outside_the_district_is_a_404_problem(double lat, double lon)
    {
        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().LocateAreaAsync(lat, lon));

        Assert.Equal(404, error.StatusCode);
    }

    [Theory]
    [InlineData("lat=91&lon=18", "lat")]
    [InlineData("lat=59.3&lon=-181", "lon")]
    [InlineData("lon=18", "lat")]
    [InlineData("lat=x&lon=18", "lat")]
    public async Task A_bad_coordinate_is_a_400_naming_the_field(string query, string field)
    {
        var response = await Api.CreateClient().GetAsync($"/api/v1/areas/locate?{query}");
        var problem = await Problems.ReadAsync(response);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.True(problem.Errors.ContainsKey(field), $"errors: {string.Join(", ", problem.Errors.Keys)}");
    }
}
