using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Areas;

public sealed class AreasTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Neighbourhoods =
    [
        "Aspudden", "Fruängen", "Gröndal", "Herrängen", "Hägersten", "Hägerstensåsen", "Liljeholmen", "Liseberg", "Långbro",
        "Långsjö", "Midsommarkransen", "Mälarhöjden", "Solberga", "Västberga", "Västertorp", "Älvsjö", "Örby slott",
    ];

    [Fact]
    public async Task The_tree_is_Stockholm_then_the_district_then_its_17_neighbourhoods_in_Swedish_order()
    {
        var tree = await Api.Client().ListAreasAsync();

        var city = Assert.Single(tree);
        Assert.Equal(("stockholm", AreaKind.City), (city.Slug, city.Kind));
        var district = Assert.Single(city.Children);
        Assert.Equal(("hagersten-alvsjo", "Hägersten-Älvsjö", AreaKind.District), (district.Slug, district.Name, district.Kind));
        Assert.Equal(Neighbourhoods, district.Children.Select(c => c.Name));
        Assert.All(district.Children, n => Assert.Equal(AreaKind.Neighbourhood, n.Kind));
        Assert.Contains(district.Children, n => n.Slug == "orby-slott");
    }

    [Fact]
    public async Task The_tree_is_public_and_cacheable()
    {
        var response = await Api.CreateClient().GetAsync("/api/v1/areas");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("boundary", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_neighbourhood_comes_with_its_GeoJSON_boundary_parent_and_ETag()
    {
        var http = Api.CreateClient();
        var response = await http.GetAsync("/api/v1/areas/midsommarkransen");
        var area = await Api.Client().GetAreaAsync("midsommarkransen");

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("Midsommarkransen", area.Name);
        Assert.Equal("hagersten-alvsjo", area.Parent!.Slug);
        var boundary = Newtonsoft.Json.Linq.JObject.FromObject(area.Boundary!);
        Assert.Equal("Polygon", (string?)boundary["type"]);
        Assert.True(boundary["coordinates"]![0]!.Count() > 10);
    }

    [Fact]
    public async Task The_district_boundary_is_the_union_of_its_neighbourhoods()
    {
        var district = await Api.Client().GetAreaAsync("hagersten-alvsjo");

        Assert.Equal(17, district.Children.Count);
        var type = (string?)Newtonsoft.Json.Linq.JObject.FromObject(district.Boundary!)["type"];
        Assert.Contains(type, new[] { "Polygon", "MultiPolygon" });
    }

    [Fact]
    public async Task An_unknown_area_is_a_404_problem_in_Swedish_by_default()
    {
        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().GetAreaAsync("gamla-stan"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Området 'gamla-stan' finns inte.", error.Result.Detail);
    }

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

    [Fact]
    public async Task Staff_set_a_population_with_If_Match_and_the_change_is_audited()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var before = await staff.GetAreaAsync("aspudden");

        var after = await staff.UpdateAreaPopulationAsync("aspudden", $"\"{before.Version}\"", new AreaPopulationUpdate { Population = 11940, Year = 2024 });

        Assert.Equal((11940, 2024, before.Version + 1), (after.Population, after.PopulationYear, after.Version));
        Assert.Equal(11940, (await Api.Client().GetAreaAsync("aspudden")).Population);
        Assert.Equal(1L, await Scalar<long>(
            "select count(*) from audit_log where action = 'area.population.update' and entity_id = 'aspudden' and subject = 'dev-staff' and role = 'staff'"));
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_and_changes_nothing()
    {
        var staff = await Api.ClientAs(DevRole.Admin);
        await staff.UpdateAreaPopulationAsync("aspudden", "\"1\"", new AreaPopulationUpdate { Population = 100, Year = 2024 });

        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            staff.UpdateAreaPopulationAsync("aspudden", "\"1\"", new AreaPopulationUpdate { Population = 200, Year = 2024 }));

        Assert.Equal(412, error.StatusCode);
        Assert.Equal(100, (await staff.GetAreaAsync("aspudden")).Population);
        Assert.Equal(1L, await Scalar<long>("select count(*) from audit_log"));
    }

    [Fact]
    public async Task A_missing_If_Match_is_a_428()
    {
        var staff = await Api.ClientAs(DevRole.Staff);

        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            staff.UpdateAreaPopulationAsync("aspudden", " ", new AreaPopulationUpdate { Population = 200, Year = 2024 }));

        Assert.Equal(428, error.StatusCode);
    }

    [Fact]
    public async Task Population_of_an_unknown_area_is_a_404()
    {
        var staff = await Api.ClientAs(DevRole.Staff);

        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            staff.UpdateAreaPopulationAsync("atlantis", "\"1\"", new AreaPopulationUpdate { Population = 200, Year = 2024 }));

        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task An_impossible_population_is_a_400_with_field_paths_and_changes_nothing()
    {
        var staff = await Api.ClientAs(DevRole.Staff);

        var error = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() =>
            staff.UpdateAreaPopulationAsync("aspudden", "\"1\"", new AreaPopulationUpdate { Population = -5, Year = 1066 }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(["population", "year"], error.Result.Errors.Keys.Order());
        Assert.Null((await staff.GetAreaAsync("aspudden")).Population);
    }

    [Theory]
    [InlineData(DevRole.Moderator)]
    [InlineData(DevRole.Actor)]
    public async Task Moderators_and_actors_may_not_set_a_population(DevRole role)
    {
        var client = await Api.ClientAs(role, role == DevRole.Actor ? Guid.NewGuid() : null);

        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            client.UpdateAreaPopulationAsync("aspudden", "\"1\"", new AreaPopulationUpdate { Population = 1, Year = 2024 }));

        Assert.Equal(403, error.StatusCode);
    }
}
