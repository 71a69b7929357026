using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Events;

public sealed class EventLifecycleTests(ApiFixture fixture) : ApiTest(fixture)
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
        var route = Newtonsoft.Json.Linq.JObject.FromObject(walk.Walk.Route!);
        Assert.Equal("LineString", (string?)route["type"]);
        Assert.Equal(3, route["coordinates"]!.Count());
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
        walk.Walk!.Route = Newtonsoft.Json.Linq.JObject.Parse(route);

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
        Assert.Contains("police", failed.Message);
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

    [Fact]
    public async Task A_published_event_is_rescheduled_then_cancelled_with_a_public_reason()
    {
        var planner = await Planner.StaffAsync(Api);
        var published = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));

        var timeEdit = Planner.Dialogue(published.StartsAt.AddDays(1));
        var moveByEdit = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            planner.Staff.UpdateEventAsync(published.Id, $"\"{published.Version}\"", timeEdit));
        var moved = await planner.Staff.RescheduleEventAsync(published.Id, new RescheduleRequest { StartsAt = published.StartsAt.AddDays(7), EndsAt = published.EndsAt.AddDays(7) });
        var cancelled = await planner.Staff.CancelEventAsync(published.Id, new CancelRequest { Reason = "Lokalen är vattenskadad." });
        var again = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            planner.Staff.CancelEventAsync(published.Id, new CancelRequest { Reason = "Igen." }));

        Assert.Equal(409, moveByEdit.StatusCode);
        Assert.Equal(EventStatus.Rescheduled, moved.Status);
        Assert.Equal(published.StartsAt.AddDays(7), moved.StartsAt);
        Assert.Equal(published.Sequence + 1, moved.Sequence);
        Assert.Equal((EventStatus.Cancelled, "Lokalen är vattenskadad."), (cancelled.Status, cancelled.CancelReason));
        Assert.Equal(moved.Sequence + 1, cancelled.Sequence);
        Assert.Equal(409, again.StatusCode);
    }

    [Fact]
    public async Task An_event_is_held_once_it_has_ended_and_then_closed_with_minutes_and_feedback()
    {
        var planner = await Planner.StaffAsync(Api);
        var published = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var closing = new Closing { Minutes = "Ett fyrtiotal deltog.", ParticipantsOnSite = 38, ParticipantsRemote = 17, Raised = "Belysningen i gångtunneln.", Actions = "Trafikkontoret byter armaturer i maj." };

        var early = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => planner.Staff.CloseEventAsync(published.Id, closing));
        Api.Clock.Set(published.EndsAt.AddMinutes(1));
        var held = await planner.Staff.GetEventPlanAsync(published.Id);
        var reschedule = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            planner.Staff.RescheduleEventAsync(published.Id, new RescheduleRequest { StartsAt = Now.AddDays(1), EndsAt = Now.AddDays(1).AddHours(2) }));
        var closed = await planner.Staff.CloseEventAsync(published.Id, closing);

        Assert.Equal(409, early.StatusCode);
        Assert.Equal(EventStatus.Held, held.Status);
        Assert.Equal(409, reschedule.StatusCode);
        Assert.Equal(EventStatus.Closed, closed.Status);
        Assert.Equal((38, 17), (closed.Closing!.ParticipantsOnSite, closed.Closing.ParticipantsRemote));
        Assert.Equal("Trafikkontoret byter armaturer i maj.", closed.Closing.Actions);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("reschedule")]
    [InlineData("cancel")]
    [InlineData("close")]
    public async Task Illegal_transitions_are_409_and_change_nothing(string action)
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));
        var target = action == "publish" ? await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(31))) : draft;
        var closing = new Closing { Minutes = "m", Raised = "r", Actions = "a" };

        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => action switch
        {
            "publish" => planner.Staff.PublishEventAsync(target.Id, new PublishRequest()),
            "reschedule" => planner.Staff.RescheduleEventAsync(target.Id, new RescheduleRequest { StartsAt = Now.AddDays(40), EndsAt = Now.AddDays(40).AddHours(1) }),
            "cancel" => planner.Staff.CancelEventAsync(target.Id, new CancelRequest { Reason = "r" }),
            _ => planner.Staff.CloseEventAsync(target.Id, closing),
        });

        Assert.Equal(409, error.StatusCode);
        Assert.Equal(target.Version, (await planner.Staff.GetEventPlanAsync(target.Id)).Version);
    }

    [Fact]
    public async Task A_cancelled_or_closed_event_can_no_longer_be_edited_or_invited_to()
    {
        var planner = await Planner.StaffAsync(Api);
        var cancelled = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        cancelled = await planner.Staff.CancelEventAsync(cancelled.Id, new CancelRequest { Reason = "Inställt." });
        var (police, _) = await planner.RequiredActorsAsync();

        var edit = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            planner.Staff.UpdateEventAsync(cancelled.Id, $"\"{cancelled.Version}\"", Planner.Dialogue(cancelled.StartsAt)));
        var invite = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            planner.Staff.InviteActorsAsync(cancelled.Id, new InviteRequest { ActorIds = [police.Id] }));

        Assert.Equal((409, 409), (edit.StatusCode, invite.StatusCode));
    }

    [Fact]
    public async Task An_actor_answers_through_the_secret_link_and_staff_see_the_answer()
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));
        var (police, _) = await planner.RequiredActorsAsync();
        var invitation = Assert.Single(await planner.Staff.InviteActorsAsync(draft.Id, new InviteRequest { ActorIds = [police.Id] }));

        var view = await Api.Client().GetRsvpAsync(invitation.RsvpToken!);
        var answered = await Api.Client().AnswerRsvpAsync(invitation.RsvpToken!, new RsvpRequest { Answer = RsvpAnswer.Accept, Note = "Två poliser kommer." });
        var listed = Assert.Single(await planner.Staff.ListInvitationsAsync(draft.Id));
        var reinvited = Assert.Single(await planner.Staff.InviteActorsAsync(draft.Id, new InviteRequest { ActorIds = [police.Id] }));

        Assert.Equal(("Lokalpolisområde Globen", InvitationStatus.Pending), (view.Organisation, view.Status));
        Assert.Equal(InvitationStatus.Accepted, answered.Status);
        Assert.Equal((InvitationStatus.Accepted, "Två poliser kommer."), (listed.Status, listed.Note));
        Assert.Null(listed.RsvpToken);
        Assert.Null(reinvited.RsvpToken);
        Assert.Equal(0L, await Scalar<long>("select count(*) from invitation where token_hash = convert_to(@t, 'UTF8')", new { t = invitation.RsvpToken }));
        var unknown = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().GetRsvpAsync(new string('A', 43)));
        Assert.Equal(404, unknown.StatusCode);
    }

    [Fact]
    public async Task Admins_read_who_did_what_in_the_audit_log_newest_first()
    {
        var planner = await Planner.StaffAsync(Api);
        var published = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var admin = await Api.ClientAs(DevRole.Admin);

        var page1 = await admin.ListAuditLogAsync(entityType: "event", entityId: published.Id.ToString(), limit: 2);
        var page2 = await admin.ListAuditLogAsync(entityType: "event", entityId: published.Id.ToString(), limit: 2, cursor: page1.NextCursor);

        Assert.Equal(["event.publish", "event.invite"], page1.Items.Select(e => e.Action));
        Assert.Equal(["event.create"], page2.Items.Select(e => e.Action));
        Assert.All(page1.Items.Concat(page2.Items), e => Assert.Equal(("dev-staff", "staff"), (e.Subject, e.Role)));
        Assert.Null(page2.NextCursor);
    }
}
