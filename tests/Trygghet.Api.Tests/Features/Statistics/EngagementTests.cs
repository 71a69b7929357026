using Trygghet.Client;
using static Trygghet.Api.Tests.Support.ObservationInputs;

namespace Trygghet.Api.Tests.Features.Statistics;

public sealed class EngagementTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Held_events_attendance_and_feedback_are_counted_for_the_district_and_its_neighbourhoods()
    {
        var start = Api.Clock.GetUtcNow();
        var planner = await Planner.StaffAsync(Api);
        var dialogue = await planner.PublishedAsync(Planner.Dialogue(start.AddDays(30)));
        var walk = await planner.PublishedAsync(Planner.Walk(start.AddDays(31)));
        var cancelled = await planner.PublishedAsync(Planner.Dialogue(start.AddDays(32), title: "Inställd dialog"));
        await planner.Staff.CancelEventAsync(cancelled.Id, new CancelRequest { Reason = "Storm." });
        await planner.PublishedAsync(Planner.Dialogue(start.AddDays(90), title: "Senare dialog")); // not yet held
        Api.Clock.Set(start.AddDays(40));
        await planner.Staff.CloseEventAsync(dialogue.Id, new Closing { Minutes = "m", ParticipantsOnSite = 40, ParticipantsRemote = 12, Raised = "r", Actions = "a" });

        var district = await Api.Client().GetEngagementAsync("hagersten-alvsjo");
        var aspudden = await Api.Client().GetEngagementAsync("aspudden");

        Assert.Equal((1, 1, 1), (district.DialoguesHeld, district.WalksHeld, district.Cancelled));
        Assert.Equal((40, 12, 1), (district.ParticipantsOnSite, district.ParticipantsRemote, district.EventsWithFeedback));
        Assert.Equal(0, aspudden.DialoguesHeld + aspudden.WalksHeld);
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        var csv = await http.GetAsync("/api/v1/statistics/engagement?area=hagersten-alvsjo");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("area,from,to,dialogues_held,walks_held,cancelled,participants_on_site,participants_remote", lines[0]);
        Assert.StartsWith("hagersten-alvsjo,", lines[1]);
        Assert.Contains(",1,1,1,40,12,1,", lines[1]);
        var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/statistics/engagement?area=hagersten-alvsjo");
        conditional.Headers.Accept.ParseAdd("text/csv");
        conditional.Headers.IfNoneMatch.Add(csv.Headers.ETag!);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, (await Api.CreateClient().SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task Engagement_counts_observations_open_and_fixed_with_the_median_days_to_fix()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var start = Api.Clock.GetUtcNow();
        Api.Clock.Set(start);
        var fixedOne = await staff.RecordObservationAsync(At(59.2846, 17.9694));
        await staff.RecordObservationAsync(At(59.2846, 17.9694, ObservationCategory.Litter));
        await staff.RecordObservationAsync(At(59.2787, 18.0105)); // Solberga: not in Fruängen
        Api.Clock.Set(start.AddDays(3));
        await staff.ChangeObservationStatusAsync(fixedOne.Id, new StatusChangeRequest { Status = ObservationStatus.Fixed });

        var fruangen = await Api.Client().GetEngagementAsync("fruangen", null, null, null);
        var district = await Api.Client().GetEngagementAsync("hagersten-alvsjo", null, null, null);

        Assert.Equal((1, 1, 3.0), (fruangen.ObservationsOpen, fruangen.ObservationsFixed, fruangen.MedianDaysToFix));
        Assert.Equal((2, 1), (district.ObservationsOpen, district.ObservationsFixed));
    }
}
