using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Trygghet.Client;
using ImportPoliceEventsCommand = Trygghet.Api.Features.Statistics.ImportPoliceEventsCommand;

namespace Trygghet.Api.Tests.Features.Statistics;

/// <summary>What the sources cover decides what a series says: a figure, or no figure and why; never a zero for "no data".</summary>
public sealed class CoverageTests(ApiFixture fixture) : ApiTest(fixture)
{
    // The demo's police events (hagersten-alvsjo-mentions-2023-2026.json) end on 18 August 2026.
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static string Data(string folder, string file) => StatisticsData.Read(folder, file);

    private async Task<HttpResponseMessage> Post(string path, string body, string mediaType)
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Staff));
        return await http.PostAsync(path, new StringContent(body, Encoding.UTF8, mediaType));
    }

    private Task Import(string path, string body, string mediaType) => Api.ImportAsync(path, body, mediaType);

    private Task ImportPoliceEvents() =>
        Import("/api/v1/statistics/imports/police-events", Data("polisen", "hagersten-alvsjo-mentions-2023-2026.json"), "application/json");

    /// <summary>As the scheduled fetch imports: with the instant up to which it knows it has every event.</summary>
    private async Task ImportPoliceEventsCoveredUntil(DateTimeOffset coveredUntil)
    {
        using var document = JsonDocument.Parse(Data("polisen", "hagersten-alvsjo-mentions-2023-2026.json"));
        await using var scope = Api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ImportPoliceEventsCommand(document.RootElement.Clone(), coveredUntil));
    }

    private Task<CrimeSeries> Police(string from, string to, Granularity granularity = Granularity.Month, bool? includeUnfinished = null) =>
        Api.Client().GetCrimeSeriesAsync("hagersten-alvsjo", StatisticsSource.Police, granularity, from: DateTimeOffset.Parse(from), to: DateTimeOffset.Parse(to),
            includeUnfinished: includeUnfinished);

    [Fact]
    public async Task Months_after_the_last_imported_event_have_no_value_and_say_they_are_not_covered()
    {
        Api.Clock.Set(Now);
        await ImportPoliceEvents();

        var series = await Police("2026-06-01T00:00:00+02:00", "2026-11-30T00:00:00+01:00");

        Assert.Equal(["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"], series.Points.Select(p => p.Period));
        var byPeriod = series.Points.ToDictionary(p => p.Period);
        Assert.NotNull(byPeriod["2026-07"].Value);
        Assert.Null(byPeriod["2026-07"].Reason);
        Assert.Equal((null, PointReason.Partial), (byPeriod["2026-08"].Value, byPeriod["2026-08"].Reason));
        Assert.Equal((null, PointReason.NotCovered), (byPeriod["2026-10"].Value, byPeriod["2026-10"].Reason));
        Assert.Null(byPeriod["2026-10"].City);
        Assert.Matches("^Polisens händelser [0-9]+ mars 2023 t.o.m. 18 aug. 2026$", series.Coverage.Sv);
        Assert.Contains("up to and including 18 Aug 2026", series.Coverage.En);
    }

    [Fact]
    public async Task Imports_that_leave_a_gap_say_so_and_the_months_between_have_no_value()
    {
        Api.Clock.Set(Now);
        var all = JsonSerializer.Deserialize<JsonElement[]>(Data("polisen", "hagersten-alvsjo-mentions-2023-2026.json"))!;
        string Of(string year) => JsonSerializer.Serialize(all.Where(e => e.GetProperty("datetime").GetString()!.StartsWith(year, StringComparison.Ordinal)));
        await Import("/api/v1/statistics/imports/police-events", Of("2023-"), "application/json");
        await Import("/api/v1/statistics/imports/police-events", Of("2026-"), "application/json");

        var series = await Police("2024-06-01T00:00:00+02:00", "2024-07-31T00:00:00+02:00");

        Assert.All(series.Points, p => Assert.Equal((null, PointReason.NotCovered), (p.Value, p.Reason)));
        Assert.Equal(2, series.Coverage.Spans.Count);
        Assert.EndsWith("t.o.m. 18 aug. 2026, med en lucka", series.Coverage.Sv);
        Assert.EndsWith(", with one gap", series.Coverage.En);
    }

    [Fact]
    public async Task Unfinished_periods_are_left_out_unless_asked_for_and_then_carry_the_count_so_far_flagged()
    {
        Api.Clock.Set(Now);
        await ImportPoliceEventsCoveredUntil(Now.AddHours(-1));

        var quarters = await Police("2025-01-01T00:00:00+01:00", "2026-12-31T00:00:00+01:00", Granularity.Quarter);
        var withUnfinished = await Police("2025-01-01T00:00:00+01:00", "2026-12-31T00:00:00+01:00", Granularity.Quarter, includeUnfinished: true);
        var csv = await Api.CreateClient().GetStringAsync("/api/v1/statistics/crime?area=hagersten-alvsjo&source=police&granularity=quarter&from=2025-01-01&to=2026-12-31&format=csv");

        Assert.Equal("2026-Q3", quarters.Points.Last().Period);
        Assert.All(quarters.Points, p => Assert.Null(p.Reason));
        Assert.NotNull(quarters.Points.Single(p => p.Period == "2026-Q3").Value); // covered up to the fetch: a real count
        var q4 = withUnfinished.Points.Last();
        Assert.Equal(("2026-Q4", PointReason.Unfinished), (q4.Period, q4.Reason));
        Assert.NotNull(q4.Value);
        Assert.Null(q4.ChangePercent);
        Assert.DoesNotContain("2026-Q4", csv);
        Assert.EndsWith("t.o.m. 30 nov. 2026", withUnfinished.Coverage.Sv);
    }

    [Fact]
    public async Task A_BRÅ_year_is_the_sum_of_its_months_only_when_all_twelve_are_there()
    {
        Api.Clock.Set(Now);
        await Import("/api/v1/statistics/imports/bra", Data("bra", "anmalda-brott-bromma-hagersten-alvsjo-monthly-2025.csv"), "text/csv");
        var months = await Api.Client().GetCrimeSeriesAsync("hagersten-alvsjo", StatisticsSource.Bra, Granularity.Month,
            from: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), to: new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero));

        var whole = await Api.Client().GetCrimeSeriesAsync("hagersten-alvsjo", StatisticsSource.Bra, Granularity.Year,
            from: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), to: new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero));
        await Scalar<int>("delete from crime_statistic where year = 2025 and month = 12; select 1");
        var withoutDecember = await Api.Client().GetCrimeSeriesAsync("hagersten-alvsjo", StatisticsSource.Bra, Granularity.Year,
            from: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), to: new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero));
        var quarters = await Api.Client().GetCrimeSeriesAsync("hagersten-alvsjo", StatisticsSource.Bra, Granularity.Quarter,
            from: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), to: new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero));

        var (y2024, y2025) = (whole.Points.First(), whole.Points.Last());
        Assert.Equal((null, PointReason.NotCovered), (y2024.Value, y2024.Reason)); // no figures at all
        Assert.Equal(months.Points.Sum(p => p.Value), y2025.Value);
        Assert.Null(y2025.Reason);
        Assert.Equal((null, PointReason.Partial), (withoutDecember.Points.Single().Value, withoutDecember.Points.Single().Reason));
        Assert.Equal((null, PointReason.Partial), (quarters.Points.Last().Value, quarters.Points.Last().Reason));
        Assert.NotNull(quarters.Points.First().Value);
        Assert.Contains("månader jan. 2025–dec. 2025", whole.Coverage.Sv);
    }

    [Fact]
    public async Task A_neighbourhood_without_BRÅ_figures_answers_with_no_figures_and_says_BRÅ_has_none()
    {
        Api.Clock.Set(Now);
        await Import("/api/v1/statistics/imports/bra", Data("bra", "anmalda-brott-bromma-hagersten-alvsjo-monthly-2025.csv"), "text/csv");

        var series = await Api.Client().GetCrimeSeriesAsync("fruangen", StatisticsSource.Bra, Granularity.Month);

        Assert.NotEmpty(series.Points);
        Assert.All(series.Points, p => Assert.Equal((null, PointReason.NotCovered), (p.Value, p.Reason)));
        Assert.Equal("BRÅ har inga siffror för Fruängen i den här enheten.", series.Coverage.Sv);
    }

    [Fact]
    public async Task Signals_say_there_is_not_enough_data_when_the_imports_do_not_span_their_window()
    {
        Api.Clock.Set(Now);
        await ImportPoliceEvents();

        var signals = await (await Api.ClientAs(DevRole.Staff)).GetSignalsAsync();

        Assert.Equal(17, signals.Count);
        Assert.All(signals, s => Assert.False(s.EnoughData || s.RiseFlagged));
        Assert.All(signals, s => Assert.Matches("^För lite data för att pröva polisens händelser: de importerade täcker [0-9]+ mars 2023 t.o.m. 18 aug. 2026,", s.Explanation));
        Assert.Equal(new DateTimeOffset(2026, 8, 18, 0, 0, 0, TimeSpan.FromHours(2)).Date, signals.First().PoliceCoveredUntil!.Value.Date);
    }

    [Fact]
    public async Task Signals_test_the_rise_once_the_imports_cover_baseline_and_window()
    {
        Api.Clock.Set(Now);
        await ImportPoliceEventsCoveredUntil(Now);

        var signals = await (await Api.ClientAs(DevRole.Staff)).GetSignalsAsync();

        Assert.All(signals, s => Assert.True(s.EnoughData));
        Assert.All(signals, s => Assert.DoesNotContain("För lite data", s.Explanation));
    }

    [Fact]
    public async Task Monthly_counts_follow_events_written_without_the_import()
    {
        Api.Clock.Set(Now);
        await ImportPoliceEvents();
        var fruangen = await Scalar<Guid>("select id from area where slug = 'fruangen'");
        await Scalar<int>("""
            insert into police_event (id, published_at, incident_at, name, type, type_raw, kommun, area_id, imported_at, updated_at)
            select 90000000 + n, t, t, 'syntetisk', 'Stöld', 'Stöld', 'Stockholm', @fruangen, now(), now()
            from generate_series(1, 40) n, lateral (select '2025-05-10T12:00:00+02:00'::timestamptz + n * interval '1 day' as t) x;
            update police_event set area_id = null where id between 90000001 and 90000005;
            delete from police_event where id between 90000006 and 90000010;
            select 1;
            """, new { fruangen });

        var mismatches = await Scalar<long>("""
            select count(*) from (
                select month, kommun, area_id, type, events from police_event_month where events > 0
                except
                select month, kommun, area_id, coalesce(type, ''), count(*)::int
                from (select date_trunc('month', incident_at at time zone 'Europe/Stockholm')::date as month, kommun, area_id, type
                      from police_event where incident_at is not null) e
                group by grouping sets ((month, kommun, area_id, type), (month, kommun, area_id))) d
            """);

        var series = await Api.Client().GetCrimeSeriesAsync("fruangen", StatisticsSource.Police, Granularity.Month, category: "Stöld",
            from: new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero), to: new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero));
        var imported = await Scalar<long>("""
            select count(*) from police_event where area_id = @fruangen and type = 'Stöld' and id < 90000000
              and incident_at >= '2025-05-01T00:00:00+02:00' and incident_at < '2025-07-01T00:00:00+02:00'
            """, new { fruangen });

        Assert.Equal(0, mismatches);
        Assert.Equal(imported + 30, (long)series.Points.Sum(p => p.Value!.Value)); // 40 written, 5 moved elsewhere, 5 deleted
    }

    [Theory]
    [InlineData("/api/v1/statistics/imports/bra", "application/json", "text/csv")]
    [InlineData("/api/v1/statistics/imports/survey", "application/json", "text/csv")]
    [InlineData("/api/v1/statistics/imports/police-events", "text/csv", "application/json")]
    public async Task An_upload_of_the_wrong_media_type_is_told_the_one_to_send(string path, string sent, string expected)
    {
        var response = await Post(path, "[]", sent);

        var problem = await Problems.ReadAsync(response);
        Assert.Equal(415, problem.Status);
        Assert.Contains(expected, problem.Detail);
    }
}
