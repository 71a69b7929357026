using System.Net.Http.Headers;
using System.Text.Json;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Events;

/// <summary>A walk's drawn route and meeting point must lie within the district.</summary>
public sealed class WalkRouteTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    // Gamla stan, well outside Hägersten-Älvsjö.
    private const double OutsideLat = 59.3251, OutsideLon = 18.0711;

    private static JsonElement Route(params double[][] lonLat) =>
        JsonSerializer.SerializeToElement(new { type = "LineString", coordinates = lonLat });

    [Fact]
    public async Task A_route_drawn_within_the_district_is_kept_point_for_point()
    {
        var planner = await Planner.StaffAsync(Api);
        var walk = Planner.Walk(Now.AddDays(40));
        walk.Walk!.Route = Route([17.9694, 59.2846], [17.9660, 59.2860], [17.9620, 59.2851], [17.9600, 59.2840]);

        var plan = await planner.Staff.CreateEventAsync(walk);

        var coordinates = Assert.IsType<JsonElement>(plan.Walk!.Route).GetProperty("coordinates");
        Assert.Equal(4, coordinates.GetArrayLength());
        Assert.Equal([17.96, 59.284], coordinates[3].EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task A_route_point_outside_the_district_is_a_400_naming_the_route_and_nothing_is_saved()
    {
        var planner = await Planner.StaffAsync(Api);
        var walk = Planner.Walk(Now.AddDays(40));
        walk.Walk!.Route = Route([17.9694, 59.2846], [OutsideLon, OutsideLat]);

        var error = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => planner.Staff.CreateEventAsync(walk));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains(error.Result.Errors["walk.route"], m => m.Contains("Punkt 2 på rutten ligger utanför Hägersten-Älvsjö", StringComparison.Ordinal));
        Assert.Equal(0L, await Scalar<long>("select count(*) from event"));
    }

    [Fact]
    public async Task A_meeting_point_outside_the_district_is_a_400_in_English_too()
    {
        var walk = Planner.Walk(Now.AddDays(40));
        walk.Walk!.MeetingLat = OutsideLat;
        walk.Walk.MeetingLon = OutsideLon;
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Staff));
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var error = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => Api.Client(http).CreateEventAsync(walk));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(["The meeting point lies outside Hägersten-Älvsjö. Choose a place within the district."], error.Result.Errors["walk.meetingLat"]);
        Assert.Equal(0L, await Scalar<long>("select count(*) from event"));
    }

    [Fact]
    public async Task An_edit_that_moves_the_route_out_of_the_district_changes_nothing()
    {
        var planner = await Planner.StaffAsync(Api);
        var plan = await planner.Staff.CreateEventAsync(Planner.Walk(Now.AddDays(40)));
        var input = Planner.Walk(plan.StartsAt);
        input.Walk!.Route = Route([17.9694, 59.2846], [17.9660, 59.2860], [OutsideLon, OutsideLat]);
        input.Walk.MeetingLat = OutsideLat;
        input.Walk.MeetingLon = OutsideLon;

        var error = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(
            () => planner.Staff.UpdateEventAsync(plan.Id, $"\"{plan.Version}\"", input));
        var after = await planner.Staff.GetEventPlanAsync(plan.Id);

        Assert.Contains(error.Result.Errors["walk.route"], m => m.Contains("Punkt 3", StringComparison.Ordinal));
        Assert.Contains("walk.meetingLat", error.Result.Errors.Keys);
        Assert.Equal(plan.Version, after.Version);
        Assert.Equal(3, Assert.IsType<JsonElement>(after.Walk!.Route).GetProperty("coordinates").GetArrayLength());
        Assert.Equal(59.2846, after.Walk.MeetingLat);
    }

    [Fact]
    public async Task A_route_of_more_than_500_points_is_refused()
    {
        var planner = await Planner.StaffAsync(Api);
        var plan = await planner.Staff.CreateEventAsync(Planner.Walk(Now.AddDays(40)));
        var input = Planner.Walk(plan.StartsAt);
        input.Walk!.Route = Route([.. Enumerable.Range(0, 501).Select(i => new[] { 17.9694 - i * 0.00001, 59.2846 })]);

        var error = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(
            () => planner.Staff.UpdateEventAsync(plan.Id, $"\"{plan.Version}\"", input));

        Assert.Equal(["Rutten får ha högst 500 punkter."], error.Result.Errors["walk.route"]);
    }
}
