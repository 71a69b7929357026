using Dapper;
using Npgsql;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Tests.Features.Events;

public sealed class DemoSeedTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_demo_data_of_run_is_consistent_and_readable_through_the_API()
    {
        await using var demo = new ApiFactory(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var client = demo.Client();

        var dialogues = await client.ListDialoguesAsync(null, null, null, null, 100, null);
        var walk = (await client.ListWalksAsync("aspudden", null, null, null, 10, null)).Items.Single();
        var feedback = await client.GetWalkFeedbackAsync(walk.Slug);
        var measures = await client.ListMeasuresAsync("aspudden", null, null, null);
        var fruangen = dialogues.Items.Single(d => d.Slug.StartsWith("trygghetsdialog-i-fruangen-", StringComparison.Ordinal));
        var availability = await client.GetDialogueAvailabilityAsync(fruangen.Slug);

        Assert.True(dialogues.Items.Count >= 6);
        Assert.Equal(4, feedback.Observations.Count);
        Assert.Equal("Beskärning och ny belysning i Aspuddsparken", Assert.Single(feedback.Measures).Title);
        Assert.Equal(new[] { "Completed", "InProgress" }, measures.Items.Select(m => m.Status.ToString()).Order());
        Assert.Equal(3, await Scalar<int>("select count(distinct status)::int from measure"));
        Assert.Equal((48, 145), (availability.OnSite!.Available!.Value, availability.Remote!.Available!.Value));
        Assert.Equal(17, await Scalar<int>("select count(*)::int from registration"));
        // A newcomer sees an event in every content language, survey results where there are enough answers and "för få svar" where not.
        Assert.Equal(["sv", "en", "sv-x-lattlast", "fi", "ar", "so"], fruangen.AvailableLanguages);
        var dialogueSurvey = await client.GetDialogueSurveyResultsAsync((await client.ListDialoguesAsync("aspudden", null, null, null, 10, null)).Items.Single().Slug);
        var walkSurvey = await client.GetWalkSurveyResultsAsync(walk.Slug);
        Assert.Equal((8, false, 2), (dialogueSurvey.Answers, dialogueSurvey.TooFewAnswers, dialogueSurvey.Priorities.Count));
        Assert.Equal((3, true, null), (walkSurvey.Answers, walkSurvey.TooFewAnswers, walkSurvey.Figures));
        // The demo's police events, placed or each with the reason it is not.
        Assert.Equal((229L, 223L), (await Scalar<long>("select count(*) from police_event where (area_id is null) <> (unplaced_reason is null)"),
            await Scalar<long>("select count(*) from police_event where area_id is not null")));
    }

    [Fact]
    public async Task The_demo_events_fall_on_ordinary_weekdays_their_light_is_true_and_their_notes_suit_the_place()
    {
        await using var demo = new ApiFactory(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        _ = demo.Client();

        await using var conn = new NpgsqlConnection(Fixture.Postgres.ConnectionString);
        var events = (await conn.QueryAsync<(string Kind, string Status, string? Light, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Notes,
            string? Minutes, string? Raised, string? Actions)>(
            "select kind, status, light_condition, starts_at, ends_at, accessibility_notes, minutes, feedback_raised, feedback_actions from event")).ToList();

        Assert.Equal(9, events.Count);
        foreach (var e in events)
        {
            var day = DateOnly.FromDateTime(Time.Local(e.StartsAt).DateTime);
            Assert.False(SwedishHolidays.IsHolidayOrEve(day), $"{day} is a holiday or eve");
            Assert.InRange(day.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Thursday);
            if (e.Kind != "walk") continue;
            Assert.True(LightCheck.Holds(WireName.Parse<LightCondition>(e.Light!), e.StartsAt, e.EndsAt, null, null), $"{e.Light} walk on {Time.Local(e.StartsAt)}");
            Assert.DoesNotContain("hörslinga", e.Notes!, StringComparison.OrdinalIgnoreCase); // outdoors
        }
        var closed = events.Where(e => e.Status == "closed").ToList();
        Assert.Equal(2, closed.Count);
        Assert.All(closed, e => Assert.True(e.Minutes!.Length > 100 && e.Raised!.Length > 100 && e.Actions!.Length > 100));
    }

    [Fact]
    public async Task Every_demo_walk_has_a_route_and_meeting_point_and_every_venue_and_observation_a_position_in_its_own_neighbourhood()
    {
        await using var demo = new ApiFactory(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var client = demo.Client();
        async Task<string> Locate(double lat, double lon) => (await client.LocateAreaAsync(lat, lon)).Slug;

        await using var conn = new NpgsqlConnection(Fixture.Postgres.ConnectionString);
        var events = (await conn.QueryAsync<(string Slug, string Kind, string Area, double? VenueLat, double? VenueLon, string? Venue, double? MeetingLat, double? MeetingLon, string? Route)>("""
            select e.slug, e.kind, a.slug, e.venue_lat, e.venue_lon, e.venue_name, e.meeting_lat, e.meeting_lon, e.route::text
            from event e join area a on a.id = e.area_id
            """)).ToList();

        Assert.Equal(3, events.Count(e => e.Kind == "walk"));
        foreach (var e in events.Where(e => e.Kind == "walk"))
        {
            Assert.Equal(e.Area, await Locate(e.MeetingLat!.Value, e.MeetingLon!.Value));
            using var route = System.Text.Json.JsonDocument.Parse(e.Route!);
            Assert.Equal("LineString", route.RootElement.GetProperty("type").GetString());
            var points = route.RootElement.GetProperty("coordinates").EnumerateArray().Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
            Assert.True(points.Count >= 5, e.Slug);
            foreach (var (lon, lat) in points) Assert.Equal(e.Area, await Locate(lat, lon));
        }
        foreach (var e in events.Where(e => e.Venue is not null))
            Assert.Equal(e.Area, await Locate(e.VenueLat!.Value, e.VenueLon!.Value));
        var observations = (await client.ListObservationsAsync(null, null, null, null, null, 100, null)).Items;
        Assert.NotEmpty(observations);
        foreach (var o in observations) Assert.Equal(o.Area.Slug, await Locate(o.Lat, o.Lon));
    }

    [Fact]
    public void Whatever_the_day_the_seed_runs_its_events_avoid_holidays_and_eves_and_have_the_light_they_say()
    {
        for (var today = new DateOnly(2027, 1, 1); today <= new DateOnly(2028, 12, 31); today = today.AddDays(1))
            foreach (var slot in DemoSeed.Schedule(today))
            {
                var day = DateOnly.FromDateTime(Time.Local(slot.StartsAt).DateTime);
                var where = $"{slot.Slug} seeded on {today}";
                Assert.False(SwedishHolidays.IsHolidayOrEve(day), where);
                Assert.InRange(day.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Thursday);
                Assert.True(slot.EndsAt > slot.StartsAt, where);
                if (slot.Kind == "walk")
                    Assert.True(LightCheck.Holds(WireName.Parse<LightCondition>(slot.Light!), slot.StartsAt, slot.EndsAt, null, null), where);
            }
    }

    [Theory]
    [InlineData("2026-12-24", true)] // julafton
    [InlineData("2026-12-31", true)] // nyårsafton
    [InlineData("2027-06-25", true)] // midsommarafton (a Friday between 19 and 25 June)
    [InlineData("2027-03-26", true)] // långfredagen (Easter Sunday is 28 March 2027)
    [InlineData("2027-05-06", true)] // Kristi himmelfärdsdag
    [InlineData("2027-11-05", true)] // allhelgonaafton
    [InlineData("2028-06-23", true)] // midsommarafton
    [InlineData("2028-04-14", true)] // långfredagen (Easter Sunday is 16 April 2028)
    [InlineData("2027-06-24", false)]
    [InlineData("2026-12-22", false)]
    public void Swedish_holidays_and_eves_are_computed_for_any_year(string date, bool holiday) =>
        Assert.Equal(holiday, SwedishHolidays.IsHolidayOrEve(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}
