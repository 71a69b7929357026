using System.Xml.Linq;
using Trygghet.Api.Tests.Features.Events;
using Trygghet.Api.Tests.Features.Registrations;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Observations;

public sealed class ObservationTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    public static ObservationInput At(double lat, double lon, ObservationCategory category = ObservationCategory.Lighting, Guid? walk = null) => new()
    {
        Category = category,
        Description = "Trasig gatlampa vid gångvägen, mörkt hela sträckan.",
        Severity = 2,
        Lat = lat,
        Lon = lon,
        WalkId = walk,
    };

    [Theory]
    [InlineData(59.301856, 18.012037, "midsommarkransen")]
    [InlineData(59.2787, 18.0105, "solberga")]
    [InlineData(59.300921, 17.957283, "hagersten")]
    [InlineData(59.2846, 17.9694, "fruangen")]
    public async Task An_observation_is_assigned_to_the_neighbourhood_of_its_point(double lat, double lon, string expected)
    {
        var staff = await Api.ClientAs(DevRole.Staff);

        var observation = await staff.RecordObservationAsync(At(lat, lon));

        Assert.Equal(expected, observation.Area.Slug);
        Assert.Equal(ObservationStatus.Reported, observation.Status);
        Assert.Equal(ObservationStatus.Reported, Assert.Single(observation.History).Status);
        Assert.Equal(expected, (await Api.Client().ListObservationsAsync("hagersten-alvsjo")).Items.Single().Area.Slug);
        Assert.Equal(expected, (await Api.Client().ListObservationsAsync("stockholm")).Items.Single().Area.Slug);
    }

    [Fact]
    public async Task A_point_outside_the_district_is_a_422_and_nothing_is_stored()
    {
        var staff = await Api.ClientAs(DevRole.Staff);

        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => staff.RecordObservationAsync(At(59.3293, 18.0686)));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal(0, await Scalar<int>("select count(*)::int from observation"));
    }

    [Fact]
    public async Task The_follow_up_moves_forward_ends_with_a_note_and_refuses_the_rest()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var first = await staff.RecordObservationAsync(At(59.2846, 17.9694));
        var second = await staff.RecordObservationAsync(At(59.2846, 17.9694));
        async Task<int> Refused(Guid id, ObservationStatus status, string? note = null, Guid? duplicateOf = null) =>
            (await Assert.ThrowsAnyAsync<ApiException>(() =>
                staff.ChangeObservationStatusAsync(id, new StatusChangeRequest { Status = status, Note = note, DuplicateOf = duplicateOf }))).StatusCode;

        await staff.ChangeObservationStatusAsync(first.Id, new StatusChangeRequest { Status = ObservationStatus.Investigating });
        await staff.ChangeObservationStatusAsync(first.Id, new StatusChangeRequest { Status = ObservationStatus.InProgress, Note = "Beställt hos belysningsentreprenören." });
        Assert.Equal(409, await Refused(first.Id, ObservationStatus.Planned)); // never back
        Assert.Equal(409, await Refused(first.Id, ObservationStatus.InProgress)); // not to itself
        var fixedOne = await staff.ChangeObservationStatusAsync(first.Id, new StatusChangeRequest { Status = ObservationStatus.Fixed, Note = "Ny armatur på plats." });
        var closed = await staff.ChangeObservationStatusAsync(first.Id, new StatusChangeRequest { Status = ObservationStatus.Closed, Note = "Kontrollerad på kvällsvandring." });
        Assert.Equal(409, await Refused(first.Id, ObservationStatus.Investigating)); // out of an ended status

        Assert.Equal(400, await Refused(second.Id, ObservationStatus.NotResponsible)); // a note is required
        Assert.Equal(400, await Refused(second.Id, ObservationStatus.Duplicate, "Samma lampa.")); // the original is required
        Assert.Equal(422, await Refused(second.Id, ObservationStatus.Duplicate, "Samma lampa.", second.Id));
        var duplicate = await staff.ChangeObservationStatusAsync(second.Id,
            new StatusChangeRequest { Status = ObservationStatus.Duplicate, Note = "Samma lampa.", DuplicateOf = first.Id });

        Assert.NotNull(fixedOne);
        Assert.Equal([ObservationStatus.Reported, ObservationStatus.Investigating, ObservationStatus.InProgress, ObservationStatus.Fixed, ObservationStatus.Closed],
            closed.History.Select(h => h.Status));
        Assert.Equal("Kontrollerad på kvällsvandring.", closed.StatusNote);
        Assert.Equal((ObservationStatus.Duplicate, first.Id), (duplicate.Status, duplicate.DuplicateOf));
        var publicView = await Api.Client().GetObservationAsync(first.Id);
        Assert.Equal(5, publicView.History.Count);
        Assert.DoesNotContain("reporter", System.Text.Json.JsonSerializer.Serialize(publicView), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Actors_see_and_move_on_only_what_is_assigned_to_their_organisation_and_overdue_items_are_flagged()
    {
        var planner = await Planner.StaffAsync(Api);
        var (police, administration) = await planner.RequiredActorsAsync();
        var observation = await planner.Staff.RecordObservationAsync(At(59.2846, 17.9694, ObservationCategory.SightLines));
        var other = await planner.Staff.RecordObservationAsync(At(59.2846, 17.9694, ObservationCategory.Litter));
        var deadline = Time(Now.AddDays(10));
        await planner.Staff.AssignObservationAsync(observation.Id, new AssignRequest { ActorId = administration.Id, Deadline = deadline });
        var administrationClient = await Api.ClientAs(DevRole.Actor, administration.Id);
        var policeClient = await Api.ClientAs(DevRole.Actor, police.Id);

        var assigned = await administrationClient.ListAssignedObservationsAsync();
        var moved = await administrationClient.ChangeObservationStatusAsync(observation.Id, new StatusChangeRequest { Status = ObservationStatus.Planned, Note = "Buskarna klipps i maj." });
        var notTheirs = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            policeClient.ChangeObservationStatusAsync(observation.Id, new StatusChangeRequest { Status = ObservationStatus.InProgress }));
        var unassigned = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            administrationClient.ChangeObservationStatusAsync(other.Id, new StatusChangeRequest { Status = ObservationStatus.Investigating }));

        Assert.Equal(observation.Id, Assert.Single(assigned).Id);
        Assert.Empty(await policeClient.ListAssignedObservationsAsync());
        Assert.Equal("Hägersten-Älvsjö stadsdelsförvaltning", moved.Responsible);
        Assert.Equal((403, 403), (notTheirs.StatusCode, unassigned.StatusCode));
        Assert.False(moved.Overdue);

        Api.Clock.Set(Now.AddDays(12));
        var late = await Api.Client().GetObservationAsync(observation.Id);
        Assert.True(late.Overdue);
        Assert.Equal(observation.Id, Assert.Single((await Api.Client().ListObservationsAsync(overdue: true)).Items).Id);
        Assert.Equal(other.Id, Assert.Single((await Api.Client().ListObservationsAsync(overdue: false)).Items).Id);
    }

    [Fact]
    public async Task A_walk_participant_records_an_observation_through_the_manage_link_during_the_walk()
    {
        var walk = await Registrar.OpenAsync(Api, Planner.Walk(Now.AddDays(20)));
        var dialogue = await Registrar.OpenAsync(Api, Planner.Dialogue(Now.AddDays(20)));
        var participant = await Api.Client().RegisterForWalkAsync(walk.Id, Guid.NewGuid().ToString(),
            new RegistrationRequest { Mode = RegistrationMode.OnSite, ConsentVersion = Registrar.Consent });
        var dialogueParticipant = await Api.RegisterAsync(dialogue.Id, email: null);
        var input = new ParticipantObservationInput { Category = ObservationCategory.Vegetation, Description = "Höga buskar skymmer entrén.", Severity = 3, Lat = 59.2846, Lon = 17.9694 };

        var early = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().RecordParticipantObservationAsync(participant.ManageToken, input));
        Api.Clock.Set(walk.StartsAt.AddMinutes(30));
        var observation = await Api.Client().RecordParticipantObservationAsync(participant.ManageToken, input);
        var notAWalk = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().RecordParticipantObservationAsync(dialogueParticipant.ManageToken, input));

        Assert.Equal(409, early.StatusCode);
        Assert.Equal((walk.Id, "fruangen"), (observation.WalkId, observation.Area.Slug));
        Assert.Equal(409, notAWalk.StatusCode);
        Assert.Equal("participant", await Scalar<string>("select reporter_kind from observation"));
    }

    [Fact]
    public async Task Measures_are_listed_per_area_and_the_atom_feed_carries_them_with_status_changes()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var observation = await staff.RecordObservationAsync(At(59.2846, 17.9694));
        await staff.ChangeObservationStatusAsync(observation.Id, new StatusChangeRequest { Status = ObservationStatus.Planned, Note = "Ingår i belysningsprogrammet." });
        var measure = await staff.CreateMeasureAsync(new MeasureInput
        {
            Title = "Ny belysning längs gångvägen vid Fruängens centrum",
            Description = "Åtta nya armaturer med jämnare ljus.",
            AreaSlug = "fruangen",
            Status = MeasureStatus.Planned,
            ObservationIds = [observation.Id],
        });
        var updated = await staff.UpdateMeasureAsync(measure.Id, $"\"{measure.Version}\"", new MeasureInput
        {
            Title = measure.Title,
            Description = measure.Description,
            AreaSlug = "fruangen",
            Status = MeasureStatus.InProgress,
            ObservationIds = [observation.Id],
        });
        var stale = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => staff.UpdateMeasureAsync(measure.Id, $"\"{measure.Version}\"", new MeasureInput
        {
            Title = measure.Title,
            Description = "",
            AreaSlug = "fruangen",
            Status = MeasureStatus.Completed,
        }));
        await staff.CreateMeasureAsync(new MeasureInput { Title = "KlotterSanering i Västberga", Description = "", AreaSlug = "vastberga", Status = MeasureStatus.Completed });

        var inFruangen = await Api.Client().ListMeasuresAsync("fruangen");
        var atomResponse = await Api.CreateClient().GetAsync("/api/v1/areas/fruangen/feed.atom");
        var feed = XDocument.Parse(await atomResponse.Content.ReadAsStringAsync());

        Assert.Equal((MeasureStatus.InProgress, 2), (updated.Status, updated.Version));
        Assert.Equal(412, stale.StatusCode);
        Assert.Equal(measure.Id, Assert.Single(inFruangen.Items).Id);
        Assert.Equal(observation.Id, Assert.Single(inFruangen.Items.First().Observations).Id);
        Assert.Equal("application/atom+xml", atomResponse.Content.Headers.ContentType!.MediaType);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Root!.Name);
        var titles = feed.Root.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Contains("Åtgärd: Ny belysning längs gångvägen vid Fruängens centrum", titles);
        Assert.Equal(2, titles.Count(t => t.StartsWith("Iakttagelse: Belysning", StringComparison.Ordinal))); // reported, then planned
        Assert.DoesNotContain(titles, t => t.Contains("Västberga"));
        Assert.All(feed.Root.Elements(atom + "entry"), e => Assert.True(DateTimeOffset.TryParse(e.Element(atom + "updated")!.Value, out _)));
    }

    [Fact]
    public async Task The_feedback_of_a_closed_walk_assembles_what_was_raised_answered_and_done()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var walk = await Registrar.OpenAsync(Api, Planner.Walk(Now.AddDays(5)));
        var observation = await staff.RecordObservationAsync(At(59.2846, 17.9694, walk: walk.Id));
        await staff.RecordObservationAsync(At(59.2846, 17.9694)); // not from this walk
        var measure = await staff.CreateMeasureAsync(new MeasureInput
        {
            Title = "Belysning vid tunnelbaneentrén",
            Description = "",
            AreaSlug = "fruangen",
            Status = MeasureStatus.Planned,
            ObservationIds = [observation.Id],
            EventIds = [walk.Id],
        });
        var early = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().GetWalkFeedbackAsync(walk.Slug));
        Api.Clock.Set(walk.EndsAt.AddHours(1));
        await staff.CloseEventAsync(walk.Id, new Closing
        {
            Minutes = "Vi gick rundan kring centrum.",
            Raised = "Mörkt vid entrén.",
            Actions = "Belysningen ses över.",
            ParticipantsOnSite = 14,
            ParticipantsRemote = 0,
        });

        var feedback = await Api.Client().GetWalkFeedbackAsync(walk.Slug);

        Assert.Equal(409, early.StatusCode);
        Assert.Equal(("Mörkt vid entrén.", "Belysningen ses över.", 14), (feedback.Raised, feedback.Actions, feedback.ParticipantsOnSite));
        Assert.Equal(observation.Id, Assert.Single(feedback.Observations).Id);
        Assert.Equal(measure.Id, Assert.Single(feedback.Measures).Id);
    }

    [Fact]
    public async Task Engagement_counts_observations_open_and_fixed_with_the_median_days_to_fix()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var start = Now;
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

    [Fact]
    public async Task Observations_piling_up_past_their_deadline_flag_the_area_with_a_follow_up_walk()
    {
        var planner = await Planner.StaffAsync(Api);
        var (_, administration) = await planner.RequiredActorsAsync();
        var start = Now;
        Api.Clock.Set(start);
        foreach (var category in new[] { ObservationCategory.Lighting, ObservationCategory.Litter, ObservationCategory.Vegetation })
        {
            var observation = await planner.Staff.RecordObservationAsync(At(59.2846, 17.9694, category));
            await planner.Staff.AssignObservationAsync(observation.Id, new AssignRequest { ActorId = administration.Id, Deadline = Time(start.AddDays(7)) });
        }
        await planner.Staff.RecordObservationAsync(At(59.2787, 18.0105)); // one in Solberga: no pile-up there

        var before = (await planner.Staff.GetSignalsAsync()).Single(s => s.Area.Slug == "fruangen");
        Api.Clock.Set(start.AddDays(9));
        var signals = await planner.Staff.GetSignalsAsync();
        var fruangen = signals.Single(s => s.Area.Slug == "fruangen");

        Assert.False(before.Flagged);
        Assert.True(fruangen.Flagged && fruangen.PileUpFlagged && !fruangen.RiseFlagged);
        Assert.Equal((3, 3), (fruangen.OpenObservations, fruangen.OverdueObservations));
        Assert.Equal(EventKind.Walk, fruangen.Suggestion!.Kind);
        Assert.Equal(["administration", "politician"], fruangen.Suggestion.ActorKinds);
        Assert.Contains("3 efter sin deadline", fruangen.Explanation);
        Assert.Equal("fruangen", signals.First().Area.Slug); // flagged areas first
        Assert.False(signals.Single(s => s.Area.Slug == "solberga").Flagged);
    }

    private static DateTimeOffset Time(DateTimeOffset at) => new(at.Year, at.Month, at.Day, 0, 0, 0, TimeSpan.Zero);
}
