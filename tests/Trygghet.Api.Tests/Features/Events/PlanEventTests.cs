using System.Text.Json;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Events;

public sealed class PlanEventTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    [Fact]
    public async Task Staff_plan_a_draft_with_a_generated_slug_and_the_remote_link()
    {
        var planner = await Planner.StaffAsync(Api);
        var start = new DateTimeOffset(2027, 3, 10, 18, 0, 0, TimeSpan.FromHours(1));

        var plan = await planner.Staff.CreateEventAsync(Planner.Dialogue(start));

        Assert.Equal(EventStatus.Draft, plan.Status);
        Assert.Equal("trygghetsdialog-i-fruangen-2027-03-10", plan.Slug);
        Assert.Equal(("fruangen", "Fruängen"), (plan.AreaSlug, plan.AreaName));
        Assert.Equal("https://meet.example.se/trygghet-fruangen", plan.RemoteUrl);
        Assert.Equal(start, plan.StartsAt);
        Assert.Equal(2, plan.Agenda.Count);
        Assert.Null(plan.Walk);
        Assert.Equal(1L, await Scalar<long>("select count(*) from audit_log where action = 'event.create' and subject = 'dev-staff'"));

        var second = await planner.Staff.CreateEventAsync(Planner.Dialogue(start));
        Assert.Equal("trygghetsdialog-i-fruangen-2027-03-10-2", second.Slug);
    }

    [Fact]
    public async Task A_walk_keeps_its_route_light_and_linked_dialogue()
    {
        var planner = await Planner.StaffAsync(Api);
        var dialogue = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));

        var walk = await planner.Staff.CreateEventAsync(Planner.Walk(Now.AddDays(40), dialogue.Id));

        Assert.Equal(EventKind.Walk, walk.Kind);
        Assert.Equal(LightCondition.Darkness, walk.Walk!.LightCondition);
        Assert.Equal(dialogue.Id, walk.Walk.LinkedDialogueId);
        var route = Assert.IsType<JsonElement>(walk.Walk.Route);
        Assert.Equal("LineString", route.GetProperty("type").GetString());
        Assert.Equal(3, route.GetProperty("coordinates").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[17.9,59.2]}""")]
    [InlineData("""{"type":"LineString","coordinates":[[17.9,59.2]]}""")]
    [InlineData("""{"type":"LineString","coordinates":[[17.9,95.0],[17.9,59.2]]}""")]
    [InlineData("""{"type":"LineString","coordinates":[["a","b"],[17.9,59.2]]}""")]
    public async Task A_route_that_is_not_a_valid_LineString_is_a_400(string route)
    {
        var planner = await Planner.StaffAsync(Api);
        var walk = Planner.Walk(Now.AddDays(40));
        walk.Walk!.Route = JsonDocument.Parse(route).RootElement;

        var error = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => planner.Staff.CreateEventAsync(walk));

        Assert.Contains("walk.route", error.Result.Errors.Keys);
    }

    [Fact]
    public async Task A_dialogue_with_walk_details_or_an_unknown_area_is_refused()
    {
        var planner = await Planner.StaffAsync(Api);
        var dialogue = Planner.Dialogue(Now.AddDays(30));
        dialogue.Walk = new WalkDetails { MeetingPoint = "x", LightCondition = LightCondition.Daylight };
        var elsewhere = Planner.Dialogue(Now.AddDays(30));
        elsewhere.AreaSlug = "gamla-stan";

        var walkError = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => planner.Staff.CreateEventAsync(dialogue));
        var areaError = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => planner.Staff.CreateEventAsync(elsewhere));

        Assert.Contains("walk", walkError.Result.Errors.Keys);
        Assert.Equal(422, areaError.StatusCode);
        Assert.Equal(0L, await Scalar<long>("select count(*) from event"));
    }

    [Fact]
    public async Task Edits_need_the_current_ETag()
    {
        var planner = await Planner.StaffAsync(Api);
        var plan = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));
        var input = Planner.Dialogue(plan.StartsAt, title: "Trygghetsdialog i Fruängen – kvällstid");

        var edited = await planner.Staff.UpdateEventAsync(plan.Id, $"\"{plan.Version}\"", input);
        var stale = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => planner.Staff.UpdateEventAsync(plan.Id, $"\"{plan.Version}\"", input));

        Assert.Equal("Trygghetsdialog i Fruängen – kvällstid", edited.Title);
        Assert.Equal(plan.Version + 1, edited.Version);
        Assert.Equal(412, stale.StatusCode);
    }
}
