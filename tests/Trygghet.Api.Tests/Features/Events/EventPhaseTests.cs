using Trygghet.Client;
using Calendar = Ical.Net.Calendar;

namespace Trygghet.Api.Tests.Features.Events;

/// <summary>What an event's public page is about at each point of its life, as the API decides it.</summary>
public sealed class EventPhaseTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly Closing Closing = new()
    {
        Minutes = "Ett fyrtiotal deltog.",
        ParticipantsOnSite = 38,
        ParticipantsRemote = 17,
        Raised = "Belysningen i gångtunneln.",
        Actions = "Trafikkontoret byter armaturer i maj.",
    };

    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    [Fact]
    public async Task An_event_is_upcoming_then_ongoing_then_awaiting_its_report_then_closed()
    {
        Api.Clock.Set(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var planner = await Planner.StaffAsync(Api);
        // Ends 20:00 Stockholm time on 10 March: the feedback is due 28 days after that date.
        var plan = await planner.PublishedAsync(Planner.Dialogue(new DateTimeOffset(2027, 3, 10, 18, 0, 0, TimeSpan.FromHours(1))));

        var upcoming = await Api.Client().GetDialogueAsync(plan.Slug);
        Api.Clock.Set(plan.StartsAt.AddMinutes(30));
        var ongoing = await Api.Client().GetDialogueAsync(plan.Slug);
        Api.Clock.Set(plan.EndsAt.AddMinutes(1));
        var held = await Api.Client().GetDialogueAsync(plan.Slug);
        await planner.Staff.CloseEventAsync(plan.Id, Closing);
        var closed = await Api.Client().GetDialogueAsync(plan.Slug);

        Assert.Equal((EventPhase.Upcoming, true, EventStatus.Published), (upcoming.Phase, upcoming.Attendable, upcoming.Status));
        Assert.Equal((EventPhase.Ongoing, true, EventStatus.Published), (ongoing.Phase, ongoing.Attendable, ongoing.Status));
        Assert.Equal((EventPhase.AwaitingReport, false, EventStatus.Held), (held.Phase, held.Attendable, held.Status));
        Assert.Equal((EventPhase.Closed, false, EventStatus.Closed), (closed.Phase, closed.Attendable, closed.Status));
        Assert.Equal(["2027-04-07", "2027-04-07", "2027-04-07"], new[] { upcoming, ongoing, held }.Select(e => e.FeedbackExpectedBy?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(closed.FeedbackExpectedBy);
        Assert.All(new[] { upcoming, ongoing, held, closed }, e => Assert.Null(e.NextEventInArea));
    }

    [Fact]
    public async Task A_rescheduled_event_is_still_upcoming_and_attendable()
    {
        var planner = await Planner.StaffAsync(Api);
        var plan = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        await planner.Staff.RescheduleEventAsync(plan.Id, new RescheduleRequest { StartsAt = plan.StartsAt.AddDays(7), EndsAt = plan.EndsAt.AddDays(7) });

        var moved = await Api.Client().GetDialogueAsync(plan.Slug);

        Assert.Equal((EventStatus.Rescheduled, EventPhase.Upcoming, true), (moved.Status, moved.Phase, moved.Attendable));
    }

    [Fact]
    public async Task A_cancelled_event_links_to_the_next_event_in_its_area_that_has_not_started()
    {
        var planner = await Planner.StaffAsync(Api);
        var cancelled = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var later = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(60), title: "Ny trygghetsdialog i Fruängen"));
        var walk = await planner.PublishedAsync(Planner.Walk(Now.AddDays(45)));
        var alsoCancelled = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(40), title: "Inställd igen"));
        var elsewhere = Planner.Dialogue(Now.AddDays(35), title: "Trygghetsdialog i Aspudden");
        elsewhere.AreaSlug = "aspudden";
        await planner.PublishedAsync(elsewhere);
        var draft = Planner.Dialogue(Now.AddDays(33), title: "Utkast");
        await planner.Staff.CreateEventAsync(draft);
        await planner.Staff.CancelEventAsync(cancelled.Id, new CancelRequest { Reason = "Lokalen är vattenskadad." });
        await planner.Staff.CancelEventAsync(alsoCancelled.Id, new CancelRequest { Reason = "Dubbelbokad." });

        var page = await Api.Client().GetDialogueAsync(cancelled.Slug);
        Api.Clock.Set(walk.StartsAt.AddMinutes(1)); // the walk has started: the next one is the later dialogue
        var afterTheWalk = await Api.Client().GetDialogueAsync(cancelled.Slug);
        var listed = (await Api.Client().ListDialoguesAsync(area: "fruangen")).Items.Single(e => e.Id == cancelled.Id);
        Api.Clock.Set(later.StartsAt.AddMinutes(1));
        var nothingLeft = await Api.Client().GetDialogueAsync(cancelled.Slug);

        Assert.Equal((EventStatus.Cancelled, EventPhase.Cancelled, false), (page.Status, page.Phase, page.Attendable));
        Assert.Equal("Lokalen är vattenskadad.", page.CancelReason);
        Assert.Null(page.FeedbackExpectedBy);
        Assert.Equal((EventKind.Walk, walk.Slug, walk.Title, walk.StartsAt), (page.NextEventInArea!.Kind, page.NextEventInArea.Slug, page.NextEventInArea.Title, page.NextEventInArea.StartsAt));
        Assert.Equal((EventKind.Dialogue, later.Slug), (afterTheWalk.NextEventInArea!.Kind, afterTheWalk.NextEventInArea.Slug));
        Assert.Equal(later.Slug, listed.NextEventInArea!.Slug);
        Assert.Null(nothingLeft.NextEventInArea);
    }

    [Fact]
    public async Task Only_attendable_events_of_the_listing_count_as_upcoming()
    {
        var planner = await Planner.StaffAsync(Api);
        var ahead = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var cancelled = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(31), title: "Inställd dialog"));
        var soon = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(25), title: "Snart"));
        await planner.Staff.CancelEventAsync(cancelled.Id, new CancelRequest { Reason = "Sjukdom." });
        Api.Clock.Set(soon.StartsAt.AddHours(1)); // under way: still attendable

        var listing = (await Api.Client().ListDialoguesAsync(from: Now)).Items;

        Assert.Equal([soon.Id, ahead.Id, cancelled.Id], listing.Select(e => e.Id));
        Assert.Equal([soon.Id, ahead.Id], listing.Where(e => e.Attendable).Select(e => e.Id));
        Assert.Equal([EventPhase.Ongoing, EventPhase.Upcoming, EventPhase.Cancelled], listing.Select(e => e.Phase));
    }

    [Fact]
    public async Task The_listing_changes_its_ETag_when_an_event_starts()
    {
        var planner = await Planner.StaffAsync(Api);
        var plan = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var http = Api.CreateClient();
        var before = await http.GetAsync("/api/v1/dialogues");

        Api.Clock.Set(plan.StartsAt.AddMinutes(1));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dialogues");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", before.Headers.ETag!.ToString());
        var after = await http.SendAsync(conditional);

        Assert.Equal(System.Net.HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("\"ongoing\"", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendars_give_the_venue_or_meeting_point_as_location_and_the_problem_place_as_a_line()
    {
        var planner = await Planner.StaffAsync(Api);
        var dialogue = Planner.Dialogue(Now.AddDays(30));
        dialogue.Place = "Hägerstensåsens tunnelbanestation";
        var plannedDialogue = await planner.PublishedAsync(dialogue);
        var walk = await planner.PublishedAsync(Planner.Walk(Now.AddDays(31)));

        var dialogueIcs = Calendar.Load(await Api.CreateClient().GetStringAsync($"/api/v1/dialogues/{plannedDialogue.Slug}/calendar.ics"))!.Events.Single();
        var walkIcs = Calendar.Load(await Api.CreateClient().GetStringAsync($"/api/v1/walks/{walk.Slug}/calendar.ics"))!.Events.Single();
        var english = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dialogues/{plannedDialogue.Slug}/calendar.ics");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var englishIcs = Calendar.Load(await (await Api.CreateClient().SendAsync(english)).Content.ReadAsStringAsync())!.Events.Single();

        Assert.Equal("Fruängens bibliotek, Fruängsgången 4, 129 52 Hägersten", dialogueIcs.Location);
        Assert.Contains("Handlar om: Hägerstensåsens tunnelbanestation", dialogueIcs.Description, StringComparison.Ordinal);
        Assert.Contains("About: Hägerstensåsens tunnelbanestation", englishIcs.Description, StringComparison.Ordinal);
        Assert.Equal("Vid tunnelbaneentrén, Fruängsgången", walkIcs.Location);
        Assert.Contains("Handlar om: Fruängens centrum", walkIcs.Description, StringComparison.Ordinal);
    }
}
