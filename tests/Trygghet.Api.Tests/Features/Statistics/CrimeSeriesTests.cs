using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Statistics;

public sealed class CrimeSeriesTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static string Data(string folder, string file) => StatisticsData.Read(folder, file);

    private Task Import(string path, string body, string mediaType) => Api.ImportAsync(path, body, mediaType);

    [Theory]
    [InlineData(StatisticsSource.Bra)]
    [InlineData(StatisticsSource.Police)]
    public async Task Before_any_import_a_series_has_its_periods_without_figures(StatisticsSource source)
    {
        Api.Clock.Set(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

        var series = await Api.Client().GetCrimeSeriesAsync("hagersten-alvsjo", source, Granularity.Year);

        Assert.Null(series.ImportedAt);
        Assert.Equal(["2024", "2025"], series.Points.Select(p => p.Period)); // 2026 is not over
        Assert.All(series.Points, p => Assert.Equal((null, PointReason.NotCovered), (p.Value, p.Reason)));
        Assert.Null(series.Coverage.Until);
    }

    [Fact]
    public async Task Police_events_are_counted_per_month_for_the_district_with_the_year_before_and_the_city()
    {
        await Import("/api/v1/statistics/imports/police-events", Data("polisen", "hagersten-alvsjo-mentions-2023-2026.json"), "application/json");

        var series = await Api.Client().GetCrimeSeriesAsync("hagersten-alvsjo", StatisticsSource.Police, Granularity.Month,
            from: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), to: new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(12, series.Points.Count);
        Assert.Equal("2025-01", series.Points.First().Period);
        var expected = await Scalar<long>("""
            select count(*) from police_event where area_id is not null
              and incident_at >= '2025-03-01T00:00:00+01:00' and incident_at < '2025-04-01T00:00:00+02:00'
            """);
        var march = series.Points.Single(p => p.Period == "2025-03");
        Assert.Equal(expected, (long)march.Value!.Value);
        Assert.True(march.City >= march.Value);
        Assert.Equal(await Scalar<long>("""
            select count(*) from police_event where area_id is not null
              and incident_at >= '2024-03-01T00:00:00+01:00' and incident_at < '2024-04-01T00:00:00+02:00'
            """), (long)march.PreviousYear!.Value);
        Assert.Contains("Polismyndigheten", series.SourceName);
        Assert.NotNull(series.ImportedAt);
    }

    [Fact]
    public async Task BRÅ_rates_per_year_compare_the_district_with_the_city_and_a_year_earlier()
    {
        await Import("/api/v1/statistics/imports/bra", Data("bra", "anmalda-brott-stockholm-stadsdelsomraden-per100k-2021-2025.csv"), "text/csv");

        var series = await Api.Client().GetCrimeSeriesAsync("hagersten-alvsjo", StatisticsSource.Bra, Granularity.Year, StatisticsUnit.Per100k,
            from: new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), to: new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero));

        var points = series.Points.ToList();
        Assert.Equal(["2021", "2022", "2023", "2024", "2025"], points.Select(p => p.Period));
        Assert.All(points, p => Assert.NotNull(p.Value));
        Assert.Equal(21308d, points[0].City);
        var p2022 = points[1];
        Assert.Equal(points[0].Value, p2022.PreviousYear);
        Assert.Equal(Math.Round((p2022.Value!.Value - p2022.PreviousYear!.Value) / p2022.PreviousYear.Value * 100, 1), p2022.ChangePercent);
        Assert.Null(points[0].ChangePercent); // no 2020 figure
        Assert.Contains("BRÅ", series.SourceName);
    }

    [Fact]
    public async Task Quarters_are_summed_from_monthly_counts_and_the_series_is_offered_as_CSV()
    {
        await Import("/api/v1/statistics/imports/bra", Data("bra", "anmalda-brott-bromma-hagersten-alvsjo-monthly-2025.csv"), "text/csv");
        var months = await Api.Client().GetCrimeSeriesAsync("hagersten-alvsjo", StatisticsSource.Bra, Granularity.Month,
            from: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), to: new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero));

        var quarters = await Api.Client().GetCrimeSeriesAsync("hagersten-alvsjo", StatisticsSource.Bra, Granularity.Quarter,
            from: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), to: new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero));
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        var csv = await http.GetStringAsync("/api/v1/statistics/crime?area=hagersten-alvsjo&granularity=quarter&from=2025-01-01&to=2025-12-31");
        var viaFormat = await Api.CreateClient().GetStringAsync("/api/v1/statistics/crime?area=hagersten-alvsjo&granularity=quarter&from=2025-01-01&to=2025-12-31&format=csv");

        var q1 = quarters.Points.First();
        Assert.Equal(months.Points.Take(3).Sum(p => p.Value), q1.Value);
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], quarters.Points.Select(p => p.Period));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("area,source,category,unit,period,start,value", lines[0]);
        Assert.StartsWith($"hagersten-alvsjo,bra,Totalt antal brott,count,2025-Q1,2025-01-01,{q1.Value}", lines[1]);
        Assert.Equal(csv, viaFormat);
        var first = await Api.CreateClient().GetAsync("/api/v1/statistics/crime?area=hagersten-alvsjo&granularity=quarter&from=2025-01-01&to=2025-12-31");
        var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/statistics/crime?area=hagersten-alvsjo&granularity=quarter&from=2025-01-01&to=2025-12-31");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, (await Api.CreateClient().SendAsync(conditional)).StatusCode);
    }

    [Theory]
    [InlineData("area=atlantis", 400)]
    [InlineData("area=hagersten-alvsjo&source=police&unit=per100k", 400)]
    [InlineData("area=hagersten-alvsjo&format=xml", 400)]
    [InlineData("area=hagersten-alvsjo&from=2025-05-01&to=2025-01-01", 400)]
    [InlineData("source=bra", 400)]
    public async Task Impossible_questions_are_problems(string query, int status)
    {
        var response = await Api.CreateClient().GetAsync($"/api/v1/statistics/crime?{query}");

        Assert.Equal(status, (await Problems.ReadAsync(response)).Status);
    }
}
