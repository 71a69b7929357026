using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ical.Net;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Events;

public sealed class PublicEventsTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string RemoteLink = "https://meet.example.se/trygghet-fruangen";
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    [Fact]
    public async Task A_walk_planned_in_daylight_after_sunset_warns_staff_and_is_shown_to_residents_in_darkness()
    {
        Api.Clock.Set(new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.Zero));
        var planner = await Planner.StaffAsync(Api);
        var input = Planner.Walk(new DateTimeOffset(2027, 1, 14, 17, 0, 0, TimeSpan.FromHours(1))); // sunset ≈15:10
        input.Walk!.LightCondition = LightCondition.Daylight;
        var draft = await planner.ReadyDraftAsync(input);

        var report = await planner.Staff.CheckPublicationAsync(draft.Id);
        var published = await planner.Staff.PublishEventAsync(draft.Id, new PublishRequest());

        var light = Assert.Single(report.Checks, c => c.Name == "lightCondition");
        Assert.Equal((false, false, true), (light.Passed, light.Blocking, report.Ready));
        Assert.Contains("ner kl. 15:", light.Message);
        Assert.Contains("vandringen pågår 17:00–", light.Message);
        Assert.Equal(Trygghet.Client.EventStatus.Published, published.Status);
        Assert.Equal(LightCondition.Daylight, (await planner.Staff.GetEventPlanAsync(draft.Id)).Walk!.LightCondition); // staff see the plan
        Assert.Equal(LightCondition.Darkness, (await Api.Client().GetWalkAsync(draft.Slug)).Walk!.LightCondition);

        input.Walk.LightCondition = LightCondition.Darkness;
        input.Title = "Kvällsvandring i Fruängen";
        var dark = await planner.Staff.CreateEventAsync(input);
        Assert.True(Assert.Single((await planner.Staff.CheckPublicationAsync(dark.Id)).Checks, c => c.Name == "lightCondition").Passed);
    }

    [Fact]
    public async Task The_public_lists_published_events_of_each_kind_but_never_drafts()
    {
        Api.Clock.Set(new DateTimeOffset(2027, 1, 10, 18, 0, 0, TimeSpan.Zero)); // the walk at 19:00 in February: in darkness, as planned
        var planner = await Planner.StaffAsync(Api);
        var dialogue = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var walk = await planner.PublishedAsync(Planner.Walk(Now.AddDays(31), dialogue.Id));
        await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(32), title: "Utkast"));

        var dialogues = await Api.Client().ListDialoguesAsync();
        var walks = await Api.Client().ListWalksAsync();

        Assert.Equal([dialogue.Id], dialogues.Items.Select(e => e.Id));
        Assert.Equal([walk.Id], walks.Items.Select(e => e.Id));
        Assert.Equal(LightCondition.Darkness, walks.Items.Single().Walk!.LightCondition);
        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().GetWalkAsync(dialogue.Slug));
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task Listings_filter_by_area_with_its_children_by_time_and_format_and_page_by_cursor()
    {
        var planner = await Planner.StaffAsync(Api);
        var first = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var second = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(40), EventFormat.OnSite));
        var elsewhere = Planner.Dialogue(Now.AddDays(50));
        elsewhere.AreaSlug = "aspudden";
        var third = await planner.PublishedAsync(elsewhere);

        Assert.Equal([first.Id, second.Id], (await Api.Client().ListDialoguesAsync(area: "fruangen")).Items.Select(e => e.Id));
        Assert.Equal([first.Id, second.Id, third.Id], (await Api.Client().ListDialoguesAsync(area: "hagersten-alvsjo")).Items.Select(e => e.Id));
        Assert.Equal([second.Id], (await Api.Client().ListDialoguesAsync(format: EventFormat.OnSite)).Items.Select(e => e.Id));
        Assert.Equal([third.Id], (await Api.Client().ListDialoguesAsync(from: Now.AddDays(45))).Items.Select(e => e.Id));
        var page1 = await Api.Client().ListDialoguesAsync(limit: 2);
        var page2 = await Api.Client().ListDialoguesAsync(limit: 2, cursor: page1.NextCursor);
        Assert.Equal([first.Id, second.Id], page1.Items.Select(e => e.Id));
        Assert.Equal([third.Id], page2.Items.Select(e => e.Id));
        Assert.Null(page2.NextCursor);
    }

    [Fact]
    public async Task Listings_are_cacheable_and_answer_304_until_something_changes()
    {
        var planner = await Planner.StaffAsync(Api);
        var dialogue = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var http = Api.CreateClient();

        var first = await http.GetAsync("/api/v1/dialogues?area=fruangen");
        var etag = first.Headers.ETag!;
        var again = await http.SendAsync(Conditional("/api/v1/dialogues?area=fruangen", etag));
        await planner.Staff.CancelEventAsync(dialogue.Id, new CancelRequest { Reason = "Inställt på grund av storm." });
        var afterChange = await http.SendAsync(Conditional("/api/v1/dialogues?area=fruangen", etag));

        Assert.Equal(Trygghet.Api.Infrastructure.SharedCache.Listing.Header, first.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, afterChange.StatusCode);
        Assert.NotEqual(etag, afterChange.Headers.ETag);
        Assert.Contains("Inställt på grund av storm.", await afterChange.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_event_is_also_served_as_schema_org_JSON_LD()
    {
        var planner = await Planner.StaffAsync(Api);
        var dialogue = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dialogues/{dialogue.Slug}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));

        var response = await Api.CreateClient().SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("Event", root.GetProperty("@type").GetString());
        Assert.Equal("https://schema.org/MixedEventAttendanceMode", root.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("https://schema.org/EventScheduled", root.GetProperty("eventStatus").GetString());
        var locations = root.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("@type").GetString()).ToList();
        Assert.Equal(["Place", "VirtualLocation"], locations);
        Assert.Equal("Fruängsgången 4, 129 52 Hägersten", root.GetProperty("location")[0].GetProperty("address").GetProperty("streetAddress").GetString());
        Assert.Contains("Vary", response.Headers.Select(h => h.Key));
        Assert.DoesNotContain(RemoteLink, root.GetRawText());
    }

    [Fact]
    public async Task The_remote_link_is_in_no_anonymous_response_feed_or_calendar()
    {
        var planner = await Planner.StaffAsync(Api);
        var dialogue = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var http = Api.CreateClient();
        var ld = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dialogues/{dialogue.Id}");
        ld.Headers.Accept.ParseAdd("application/ld+json");

        var bodies = new[]
        {
            await http.GetStringAsync("/api/v1/dialogues"),
            await http.GetStringAsync($"/api/v1/dialogues/{dialogue.Slug}"),
            await http.GetStringAsync($"/api/v1/dialogues/{dialogue.Slug}/calendar.ics"),
            await http.GetStringAsync("/api/v1/calendar.ics"),
            await (await http.SendAsync(ld)).Content.ReadAsStringAsync(),
        };

        Assert.Equal(RemoteLink, (await planner.Staff.GetEventPlanAsync(dialogue.Id)).RemoteUrl);
        Assert.All(bodies, body => Assert.DoesNotContain("meet.example.se", body));
        Assert.True((await Api.Client().GetDialogueAsync(dialogue.Slug)).RemoteParticipation);
    }

    [Fact]
    public async Task The_calendar_parses_back_with_the_same_events_times_and_statuses()
    {
        var planner = await Planner.StaffAsync(Api);
        var kept = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var cancelled = await planner.PublishedAsync(Planner.Walk(Now.AddDays(35)));
        await planner.Staff.CancelEventAsync(cancelled.Id, new CancelRequest { Reason = "Väderskäl." });

        var ics = await Api.CreateClient().GetStringAsync("/api/v1/calendar.ics?area=fruangen");
        var calendar = Calendar.Load(ics)!;

        Assert.Contains("BEGIN:VTIMEZONE", ics);
        Assert.Contains("TZID:Europe/Stockholm", ics);
        Assert.Equal(2, calendar.Events.Count);
        var keptEvent = calendar.Events.Single(e => e.Uid == $"{kept.Id}@trygghet.hagersten-alvsjo");
        var cancelledEvent = calendar.Events.Single(e => e.Uid == $"{cancelled.Id}@trygghet.hagersten-alvsjo");
        Assert.Equal(Seconds(kept.StartsAt), keptEvent.DtStart!.AsUtc);
        Assert.Equal(Seconds(kept.EndsAt), keptEvent.DtEnd!.AsUtc);
        Assert.Equal("Europe/Stockholm", keptEvent.DtStart.TzId);
        Assert.Equal("CONFIRMED", keptEvent.Status);
        Assert.Equal("CANCELLED", cancelledEvent.Status);
        Assert.Equal(1, cancelledEvent.Sequence);
        Assert.Contains($"/dialoger/{kept.Slug}", keptEvent.Url!.ToString());
    }

    [Theory]
    [InlineData("2026-03-29T18:00:00+02:00", "20260329T180000")] // first evening of summer time
    [InlineData("2026-10-25T18:00:00+01:00", "20261025T180000")] // first evening of winter time
    [InlineData("2026-03-29T01:30:00+01:00", "20260329T013000")] // before the clocks go forward at 02:00
    public async Task Events_on_daylight_saving_days_keep_their_local_time_in_JSON_and_iCalendar(string start, string local)
    {
        var startsAt = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        Api.Clock.Set(startsAt.AddDays(-60));
        var planner = await Planner.StaffAsync(Api);
        var published = await planner.PublishedAsync(Planner.Dialogue(startsAt));

        var json = await Api.CreateClient().GetStringAsync($"/api/v1/dialogues/{published.Slug}");
        var ics = await Api.CreateClient().GetStringAsync($"/api/v1/dialogues/{published.Slug}/calendar.ics");
        var parsed = Calendar.Load(ics)!.Events.Single();

        Assert.Contains($"\"startsAt\":\"{start}\"", json);
        Assert.Contains($"DTSTART;TZID=Europe/Stockholm:{local}", ics);
        Assert.Equal(startsAt.UtcDateTime, parsed.DtStart!.AsUtc);
    }

    [Fact]
    public async Task Accepted_organisations_are_public_but_never_their_contact_data()
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));
        var (police, administration) = await planner.RequiredActorsAsync();
        var invitations = await planner.Staff.InviteActorsAsync(draft.Id, new InviteRequest { ActorIds = [police.Id, administration.Id] });
        await Api.Client().AnswerRsvpAsync(invitations.Single(i => i.ActorId == police.Id).RsvpToken!, new RsvpRequest { Answer = RsvpAnswer.Accept });
        await planner.Staff.PublishEventAsync(draft.Id, new PublishRequest());

        var body = await Api.CreateClient().GetStringAsync($"/api/v1/dialogues/{draft.Slug}");
        var e = await Api.Client().GetDialogueAsync(draft.Slug);

        Assert.Equal(["Lokalpolisområde Globen"], e.Participants.Select(p => p.Organisation));
        var http = Api.CreateClient();
        var etag = (await http.GetAsync("/api/v1/dialogues")).Headers.ETag!;
        await Api.Client().AnswerRsvpAsync(invitations.Single(i => i.ActorId == administration.Id).RsvpToken!, new RsvpRequest { Answer = RsvpAnswer.Accept });
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Conditional("/api/v1/dialogues", etag))).StatusCode); // the answer shows at once
        Assert.DoesNotContain("polisen.example", body);
        Assert.DoesNotContain("stockholm.example", body);
    }

    /// <summary>iCalendar times have whole seconds.</summary>
    private static DateTime Seconds(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private static HttpRequestMessage Conditional(string url, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return request;
    }
}
