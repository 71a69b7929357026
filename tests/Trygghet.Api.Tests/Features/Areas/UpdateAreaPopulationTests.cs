using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Areas;

public sealed class UpdateAreaPopulationTests(ApiFixture fixture) : ApiTest(fixture)
{
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
