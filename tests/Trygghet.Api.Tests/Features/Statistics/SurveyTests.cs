using System.Net.Http.Headers;
using System.Text;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Statistics;

public sealed class SurveyTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Indicator = "Andel som känner sig otrygga ute sent en kväll i sitt område";

    private async Task<HttpResponseMessage> Import(string csv)
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Staff));
        return await http.PostAsync("/api/v1/statistics/imports/survey", new StringContent(csv, Encoding.UTF8, "text/csv"));
    }

    [Fact]
    public async Task Indicators_entered_from_the_reports_are_served_year_by_year_with_the_city()
    {
        var csv = $"""
            area,year,indicator,value,unit,source
            fruangen,2021,{Indicator},31,%,"Stockholms stads trygghetsmätning 2021, rapport"
            Fruängen,2024,{Indicator},27.5,%,"Stockholms stads trygghetsmätning 2024, rapport"
            stockholm,2024,{Indicator},22,%,"Stockholms stads trygghetsmätning 2024, rapport"
            """;
        var first = await Import(csv);
        var again = await Import(csv);

        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        Assert.Contains("\"unchanged\":3", await again.Content.ReadAsStringAsync());
        var series = Assert.Single(await Api.Client().GetSurveySeriesAsync("fruangen"));
        Assert.Equal(Indicator, series.Indicator);
        Assert.Equal([2021, 2024], series.Points.Select(p => p.Year));
        Assert.Equal(27.5, series.Points.Last().Value);
        Assert.Equal(22d, series.Points.Last().City);
        Assert.Null(series.Points.First().City);
        Assert.Contains("2024", series.Source);
        var asCsv = await Api.CreateClient().GetStringAsync("/api/v1/statistics/survey?area=fruangen&format=csv");
        Assert.Equal(3, asCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("fruangen,Andel som känner sig otrygga ute sent en kväll i sitt område,%,2024,27.5,22,", asCsv);
    }

    [Theory]
    [InlineData("area,year,indicator,value,unit,source\nfruangen,2024,x,many,%,r\n")]
    [InlineData("area,year,indicator,value,unit,source\natlantis,2024,x,1,%,r\n")]
    [InlineData("area,year,value\nfruangen,2024,1\n")]
    [InlineData("")]
    public async Task A_bad_file_is_refused_whole(string csv)
    {
        var response = await Import(csv + "fruangen,2023,y,5,%,r\n");

        Assert.Equal(400, (await Problems.ReadAsync(response)).Status);
        Assert.Equal(0L, await Scalar<long>("select count(*) from survey_indicator"));
    }
}
