using Trygghet.Client;
using static Trygghet.Api.Tests.Support.ObservationInputs;

namespace Trygghet.Api.Tests.Features.Statistics;

public sealed class SignalsTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_neighbourhood_whose_events_rise_is_flagged_with_its_numbers_and_a_suggested_walk()
    {
        Api.Clock.Set(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.FromHours(2)));
        // Twelve quiet months (2025-03 … 2026-02), then three busy ones (2026-03 … 2026-05) in Fruängen; steady elsewhere.
        await Scalar<int>("""
            insert into police_event_month (month, kommun, area_id, type, events)
            select m::date, 'Stockholm', a.id, t.type,
                   case when a.slug = 'fruangen' and m >= '2026-03-01' then t.busy else t.quiet end
            from generate_series('2025-03-01'::date, '2026-05-01'::date, interval '1 month') m
            cross join area a
            cross join (values ('', 5, 20), ('Inbrott', 3, 14), ('Misshandel', 2, 6)) as t(type, quiet, busy)
            where a.kind = 'neighbourhood';
            -- What the imports of those months covered.
            insert into statistics_coverage (source, area_id, granularity, unit, period_start, period_end, recorded_at)
            values ('police', null, 'instant', '', '2025-02-20T00:00:00+01:00', '2026-06-15T10:00:00+02:00', now());
            select 1;
            """);

        var signals = await (await Api.ClientAs(DevRole.Staff)).GetSignalsAsync();

        var fruangen = signals.First();
        Assert.Equal("fruangen", fruangen.Area.Slug);
        Assert.True(fruangen.Flagged);
        Assert.Equal((60, 60), (fruangen.WindowEvents, fruangen.BaselineEvents));
        Assert.Equal(15, fruangen.Expected);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).Date, fruangen.WindowFrom.Date);
        Assert.Equal("Inbrott", fruangen.TopTypes.First());
        Assert.Equal(EventKind.Walk, fruangen.Suggestion!.Kind);
        Assert.Contains("propertyOwner", fruangen.Suggestion.ActorKinds);
        Assert.Contains("Fruängen", fruangen.Explanation);
        Assert.Equal(17, signals.Count);
        Assert.All(signals.Skip(1), s => Assert.False(s.Flagged));
    }

    [Fact]
    public async Task Observations_piling_up_past_their_deadline_flag_the_area_with_a_follow_up_walk()
    {
        var planner = await Planner.StaffAsync(Api);
        var (_, administration) = await planner.RequiredActorsAsync();
        var start = Api.Clock.GetUtcNow();
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
