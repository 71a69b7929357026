using System.Net.Http.Headers;
using System.Text;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Statistics;

/// <summary>Events the import could not place keep their reason, and staff can list them.</summary>
public sealed class UnplacedPoliceEventsTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static string Data(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "polisen", file));

    private async Task ImportAsync(string file)
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Staff));
        var response = await http.PostAsync("/api/v1/statistics/imports/police-events", new StringContent(Data(file), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_import_keeps_why_an_event_is_unplaced()
    {
        await ImportAsync("hagersten-alvsjo-mentions-2023-2026.json");
        await ImportAsync("events-2025-12-31-kommun-era.json");

        async Task<string?> Reason(long id) =>
            (await Scalar<string[]>("select array[unplaced_reason] from police_event where id = @id", new { id }))[0];
        Assert.Equal("route", await Reason(600050));         // between Farsta strand and Älvsjö
        Assert.Equal("route", await Reason(617052));         // from Västertorp to Bromma
        Assert.Equal("ambiguous", await Reason(629544));     // Solberga and Hägerstensåsen
        Assert.Equal("outsideKommun", await Reason(619862)); // Huddinge
        Assert.Equal("noPlaceName", await Reason(619860));   // Sergels torg
        Assert.Null(await Reason(626716));                   // near Älvsjö station: placed
        Assert.Equal("solberga", await Scalar<string>("select a.slug from police_event p join area a on a.id = p.area_id where p.id = 626716"));
        Assert.Equal(0L, await Scalar<long>("select count(*) from police_event where (area_id is null) = (unplaced_reason is null)"));
    }

    [Fact]
    public async Task Staff_list_the_unplaced_events_newest_first_by_reason_and_page()
    {
        await ImportAsync("hagersten-alvsjo-mentions-2023-2026.json");
        var staff = await Api.ClientAs(DevRole.Staff);

        var first = await staff.ListUnplacedPoliceEventsAsync(null, 3, null);
        var second = await staff.ListUnplacedPoliceEventsAsync(null, 3, first.NextCursor);
        var routes = await staff.ListUnplacedPoliceEventsAsync(PlacementReason.Route, null, null);

        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.NextCursor);
        Assert.True(first.Items.Concat(second.Items).Select(e => e.Id).SequenceEqual(first.Items.Concat(second.Items).Select(e => e.Id).OrderDescending()));
        Assert.Empty(first.Items.Select(e => e.Id).Intersect(second.Items.Select(e => e.Id)));
        Assert.Equal([617052L, 600050L], routes.Items.Select(e => e.Id));
        var route = routes.Items.ElementAt(1);
        Assert.Equal(("06 september 11.24, Räddningsinsats, Stockholm", PlacementReason.Route), (route.Name, route.Reason));
        Assert.Contains("Farsta strand", route.Summary);
        Assert.Equal(new DateTimeOffset(2025, 9, 6, 11, 24, 0, TimeSpan.FromHours(2)), route.IncidentAt);
    }

    [Fact]
    public async Task Only_staff_list_them_and_a_bad_cursor_or_reason_is_a_400()
    {
        var anonymous = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().ListUnplacedPoliceEventsAsync(null, null, null));
        var moderator = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(async () => await (await Api.ClientAs(DevRole.Moderator)).ListUnplacedPoliceEventsAsync(null, null, null));
        var actor = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(async () => await (await Api.ClientAs(DevRole.Actor)).ListUnplacedPoliceEventsAsync(null, null, null));
        var admin = await (await Api.ClientAs(DevRole.Admin)).ListUnplacedPoliceEventsAsync(null, null, null);
        var badCursor = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(async () => await (await Api.ClientAs(DevRole.Staff)).ListUnplacedPoliceEventsAsync(null, null, "nope"));
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Staff));
        var badReason = await Problems.ReadAsync(await http.GetAsync("/api/v1/statistics/police-events/unplaced?reason=elsewhere"));

        Assert.Equal((401, 403, 403), (anonymous.StatusCode, moderator.StatusCode, actor.StatusCode));
        Assert.Empty(admin.Items);
        Assert.Equal(400, badCursor.StatusCode);
        Assert.Equal(400, badReason.Status);
        Assert.True(badReason.Errors.ContainsKey("reason"));
    }
}
