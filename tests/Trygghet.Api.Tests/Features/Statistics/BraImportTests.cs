using System.Net.Http.Headers;
using System.Text;
using Trygghet.Client;
using BraImportReport = Trygghet.Api.Features.Statistics.BraImportReport;

namespace Trygghet.Api.Tests.Features.Statistics;

public sealed class BraImportTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Header = "area_label,area_name,area_level,crime_parent_path,crime_type,year,month,period_label,preliminary,unit,value\n";
    private const string District = "Stadsdelsområde Hägersten-Älvsjö (Sthlm),Hägersten-Älvsjö,stadsdelsomrade";

    private static string Data(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "bra", file));

    private async Task<HttpResponseMessage> Import(string csv, string mediaType = "text/csv")
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Staff));
        return await http.PostAsync("/api/v1/statistics/imports/bra", new StringContent(csv, Encoding.UTF8, mediaType));
    }

    private static async Task<BraImportReport> Report(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await System.Text.Json.JsonSerializer.DeserializeAsync<BraImportReport>(await response.Content.ReadAsStreamAsync(),
            System.Text.Json.JsonSerializerOptions.Web))!;
    }

    [Fact]
    public async Task The_yearly_rates_of_the_city_and_the_district_are_imported_and_other_districts_reported()
    {
        var report = await Report(await Import(Data("anmalda-brott-stockholm-stadsdelsomraden-per100k-2021-2025.csv")));
        var again = await Report(await Import(Data("anmalda-brott-stockholm-stadsdelsomraden-per100k-2021-2025.csv")));

        Assert.Equal(1260, report.Rows);
        Assert.Equal(2 * 21 * 5, report.Imported);
        Assert.Equal(10, report.UnknownAreas.Count);
        Assert.Contains(report.UnknownAreas, a => a.AreaLabel == "Stadsdelsområde Bromma (Sthlm)" && a.Rows == 105);
        Assert.Equal((0, 0, 210), (again.Imported, again.Updated, again.Unchanged));
        Assert.Equal(21308m, await Scalar<decimal>("""
            select value from crime_statistic c join area a on a.id = c.area_id
            where a.slug = 'stockholm' and crime_type = 'Totalt antal brott' and year = 2021 and month = 0 and unit = 'per100k'
            """));
    }

    [Fact]
    public async Task Monthly_counts_and_chapter_rates_of_the_district_are_imported()
    {
        var monthly = await Report(await Import(Data("anmalda-brott-bromma-hagersten-alvsjo-monthly-2025.csv")));
        var chapters = await Report(await Import(Data("anmalda-brott-hagersten-alvsjo-chapters-per100k-2024-2025.csv")));

        Assert.Equal((336, 168), (monthly.Rows, monthly.Imported));
        Assert.Equal((20, 20), (chapters.Rows, chapters.Imported));
        Assert.Equal(12L, await Scalar<long>("""
            select count(*) from crime_statistic c join area a on a.id = c.area_id
            where a.slug = 'hagersten-alvsjo' and crime_type = 'Totalt antal brott' and year = 2025 and month between 1 and 12 and unit = 'count'
            """));
    }

    [Fact]
    public async Task A_final_figure_replaces_a_preliminary_one_and_never_the_reverse()
    {
        string Row(bool preliminary, int value) => $"{Header}{District},,Totalt antal brott,2026,1,2026 Jan,{(preliminary ? "true" : "false")},Antal,{value}\n";

        var first = await Report(await Import(Row(true, 900)));
        var final = await Report(await Import(Row(false, 912)));
        var late = await Report(await Import(Row(true, 905)));

        Assert.Equal(1, first.Imported);
        Assert.Equal(1, final.Updated);
        Assert.Equal((0, 1), (late.Updated, late.KeptFinal));
        Assert.Equal(912m, await Scalar<decimal>("select value from crime_statistic where year = 2026 and month = 1"));
        Assert.False(await Scalar<bool>("select preliminary from crime_statistic where year = 2026 and month = 1"));
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("area_label,area_name,value\nx,y,1\n", "$")]
    [InlineData(Header + District + ",,Totalt antal brott,2025,,2025,false,Antal,många\n", "line 2")]
    [InlineData(Header + District + ",,Totalt antal brott,2025,13,2025,false,Antal,5\n", "line 2")]
    [InlineData(Header + District + ",,\"Totalt antal brott,2025,,2025,false,Antal,5\n", "line 2")]
    [InlineData(Header + District + ",,Totalt antal brott,2025,,2025,false,Antal,5\n" + District + ",,Totalt antal brott,2025,,2025,false,Antal,5\n", "line 3")]
    public async Task A_bad_file_is_refused_whole_naming_the_line(string csv, string field)
    {
        var good = $"{District},,Totalt antal brott,2024,,2024,false,Antal,7\n";
        var response = await Import(csv.Length > Header.Length && csv.StartsWith(Header, StringComparison.Ordinal) ? csv + good : csv);
        var problem = await Problems.ReadAsync(response);

        Assert.Equal(400, problem.Status);
        Assert.True(problem.Errors.ContainsKey(field), problem.Raw);
        Assert.Equal(0L, await Scalar<long>("select count(*) from crime_statistic"));
    }

    [Fact]
    public async Task Only_CSV_is_accepted()
    {
        var response = await Import(Header, "application/json");

        Assert.Equal(415, (await Problems.ReadAsync(response)).Status);
    }
}
