using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Events;

public sealed class PublishEventTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    [Fact]
    public async Task Publishing_runs_every_routine_check_and_blocks_with_a_422_listing_the_failures()
    {
        var planner = await Planner.StaffAsync(Api);
        var input = Planner.Dialogue(Now.AddDays(5));
        input.Venue!.AccessibilityNotes = null;
        input.RemoteUrl = null;
        var draft = await planner.Staff.CreateEventAsync(input);

        var report = await planner.Staff.CheckPublicationAsync(draft.Id);
        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => planner.Staff.PublishEventAsync(draft.Id, new PublishRequest()));

        Assert.False(report.Ready);
        Assert.Equal(["publicNotice", "actorNotice", "requiredActors", "venueAccessibility", "remoteLink", "personalData"], report.Checks.Select(c => c.Name));
        Assert.All(report.Checks.SkipLast(1), c => Assert.False(c.Passed));
        Assert.True(report.Checks.Last().Passed);
        Assert.Equal(422, error.StatusCode);
        var listed = error.Result.AdditionalProperties["checks"].ToString()!;
        foreach (var name in report.Checks.SkipLast(1).Select(c => c.Name)) Assert.Contains(name, listed);
        // People read the actor kinds and the checks in words, never as codes.
        Assert.Equal("Inbjudan saknas för: polisen, stadsdelsförvaltningen.", report.Checks.Single(c => c.Name == "requiredActors").Message);
        Assert.StartsWith("Rutinkontrollerna godkändes inte: framförhållning till allmänheten, framförhållning till aktörerna,", error.Result.Detail);
        Assert.DoesNotContain("publicNotice", error.Result.Detail);
        Assert.Equal(EventStatus.Draft, (await planner.Staff.GetEventPlanAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task A_ready_draft_passes_every_check_and_is_published()
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.ReadyDraftAsync(Planner.Dialogue(Now.AddDays(30)));

        var report = await planner.Staff.CheckPublicationAsync(draft.Id);
        var published = await planner.Staff.PublishEventAsync(draft.Id, new PublishRequest());

        Assert.True(report.Ready, string.Join("; ", report.Checks.Where(c => !c.Passed).Select(c => c.Message)));
        Assert.Equal(EventStatus.Published, published.Status);
        Assert.NotNull(published.PublishedAt);
        Assert.Null(published.PublishOverride);
    }

    [Fact]
    public async Task Actors_invited_too_late_fail_the_actor_notice_check()
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.ReadyDraftAsync(Planner.Dialogue(Now.AddDays(16)));

        var report = await planner.Staff.CheckPublicationAsync(draft.Id);

        Assert.Equal(["actorNotice"], report.Checks.Where(c => !c.Passed).Select(c => c.Name));
    }

    [Fact]
    public async Task A_declined_invitation_does_not_count_for_the_required_actors()
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));
        var (police, administration) = await planner.RequiredActorsAsync();
        var invitations = await planner.Staff.InviteActorsAsync(draft.Id, new InviteRequest { ActorIds = [police.Id, administration.Id] });
        var policeToken = invitations.Single(i => i.ActorId == police.Id).RsvpToken!;

        await Api.Client().AnswerRsvpAsync(policeToken, new RsvpRequest { Answer = RsvpAnswer.Decline, Note = "Ingen möjlighet den kvällen." });
        var report = await planner.Staff.CheckPublicationAsync(draft.Id);

        var failed = Assert.Single(report.Checks, c => !c.Passed);
        Assert.Equal("requiredActors", failed.Name);
        Assert.Equal("Inbjudan saknas för: polisen.", failed.Message);
    }

    [Fact]
    public async Task Text_that_looks_like_personal_data_warns_staff_before_publishing_but_does_not_block()
    {
        var planner = await Planner.StaffAsync(Api);
        var input = Planner.Dialogue(Now.AddDays(30));
        input.Description = "Frågor tas emot av Anna på 070-123 45 67 före mötet.";
        var draft = await planner.Staff.CreateEventAsync(input);

        var report = await planner.Staff.CheckPublicationAsync(draft.Id);

        var warning = Assert.Single(report.Checks, c => c.Name == "personalData");
        Assert.Equal((false, false), (warning.Passed, warning.Blocking));
        Assert.Contains("beskrivningen", warning.Message);
        Assert.DoesNotContain("070", warning.Message);
    }

    [Fact]
    public async Task Staff_may_publish_over_failing_checks_with_an_audited_reason()
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(3)));
        const string reason = "Akut dialog efter skottlossningen vid Fruängens centrum.";

        var published = await planner.Staff.PublishEventAsync(draft.Id, new PublishRequest { OverrideReason = reason });

        Assert.Equal(EventStatus.Published, published.Status);
        Assert.Equal(reason, published.PublishOverride);
        var details = await Scalar<string>("select details::text from audit_log where action = 'event.publish'");
        Assert.Contains(reason, details);
        Assert.Contains("publicNotice", details);
    }

    [Fact]
    public async Task Checks_configured_to_warn_do_not_block()
    {
        await using var lenient = new ApiFactory(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Publishing:WarnOnly:0"] = "publicNotice",
            ["Publishing:WarnOnly:1"] = "actorNotice",
        });
        var planner = await Planner.StaffAsync(lenient);
        var draft = await planner.ReadyDraftAsync(Planner.Dialogue(Now.AddDays(2)));

        var report = await planner.Staff.CheckPublicationAsync(draft.Id);
        var published = await planner.Staff.PublishEventAsync(draft.Id, new PublishRequest());

        Assert.True(report.Ready);
        Assert.Contains(report.Checks, c => c.Name == "publicNotice" && !c.Passed && !c.Blocking);
        Assert.Equal(EventStatus.Published, published.Status);
    }
}
