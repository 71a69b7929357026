using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Statistics;
using Trygghet.Client;
using PoliceImportReport = Trygghet.Api.Features.Statistics.PoliceImportReport;

namespace Trygghet.Api.Tests.Features.Statistics;

public sealed class PoliceImportTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static string Data(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "polisen", file));

    private async Task<HttpResponseMessage> Import(string body, string mediaType = "application/json")
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Staff));
        return await http.PostAsync("/api/v1/statistics/imports/police-events", new StringContent(body, Encoding.UTF8, mediaType));
    }

    private static async Task<PoliceImportReport> Report(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await System.Text.Json.JsonSerializer.DeserializeAsync<PoliceImportReport>(await response.Content.ReadAsStreamAsync(),
            System.Text.Json.JsonSerializerOptions.Web))!;
    }

    [Fact]
    public async Task A_whole_response_of_the_kommun_era_is_imported_and_a_second_import_changes_nothing()
    {
        var first = await Report(await Import(Data("events-2025-12-31-kommun-era.json")));
        var second = await Report(await Import(Data("events-2025-12-31-kommun-era.json")));

        Assert.Equal((500, 500, 0, 0), (first.Received, first.Imported, first.Updated, first.Unchanged));
        Assert.Empty(first.Skipped);
        Assert.Equal((0, 0, 500), (second.Imported, second.Updated, second.Unchanged));
        Assert.Equal(500L, await Scalar<long>("select count(*) from police_event"));
        Assert.Equal(500L, await Scalar<long>("select count(*) from police_event where incident_at is not null"));
        // Incidents lie before publication (a few minutes after it where the police round the time up), never a year off.
        Assert.Equal(0L, await Scalar<long>("select count(*) from police_event where incident_at > published_at + interval '1 hour' or incident_at < published_at - interval '60 days'"));
        Assert.Equal(18L, await Scalar<long>("select count(*) from police_event where kommun = 'Örebro'"));
        Assert.Equal(0L, await Scalar<long>("select count(*) from police_event where kommun like '% län'"));
    }

    [Fact]
    public async Task The_response_can_be_uploaded_as_a_file()
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Admin));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Data("hagersten-alvsjo-mentions-2023-2026.json"), Encoding.UTF8, "application/json"), "file", "events.json" },
        };

        var report = await Report(await http.PostAsync("/api/v1/statistics/imports/police-events/file", form));

        Assert.Equal((229, 229), (report.Received, report.Imported));
    }

    [Fact]
    public async Task A_re_published_event_updates_its_row()
    {
        const string template = """
            [{"id": 700001, "datetime": "2026-08-22 8:13:44 +02:00", "name": "22 augusti 07.50, Brand, Stockholm",
              "summary": "{0}", "url": "/aktuellt/x", "type": "Brand", "location": {"name": "Stockholms län", "gps": "59.33,18.06"}}]
            """;
        await Report(await Import(template.Replace("{0}", "Brand i en papperskorg i Fruängen.")));

        var update = await Report(await Import(template.Replace("{0}", "Brand i en papperskorg i Västertorp.")));

        Assert.Equal((0, 1), (update.Imported, update.Updated));
        Assert.Equal("vastertorp", await Scalar<string>("select a.slug from police_event p join area a on a.id = p.area_id where p.id = 700001"));
    }

    [Fact]
    public async Task Hägersten_Älvsjö_events_of_both_eras_land_in_the_neighbourhoods_their_texts_name()
    {
        var report = await Report(await Import(Data("hagersten-alvsjo-mentions-2023-2026.json")));

        Assert.Equal(229, report.Received);
        Assert.Equal(229, report.Imported);
        // Read by hand from each event's summary.
        var expected = new Dictionary<long, string>
        {
            [649803] = "aspudden",
            [639748] = "vastberga",
            [627647] = "vastberga",
            [621578] = "herrangen",
            [614948] = "vastertorp",
            [608529] = "liljeholmen",
            [599590] = "solberga",
            [592995] = "vastberga",
            [581789] = "solberga",
            [568694] = "hagerstensasen",
            [557586] = "aspudden",
            [546880] = "vastberga",
            [530161] = "liljeholmen",
            [514332] = "vastberga",
            [504045] = "aspudden",
            [471521] = "vastberga",
            [447663] = "grondal",
            [440043] = "vastertorp",
            [427169] = "liljeholmen",
            [420475] = "fruangen",
        };
        foreach (var (id, slug) in expected)
            Assert.Equal(slug, await Scalar<string>("select a.slug from police_event p join area a on a.id = p.area_id where p.id = @id", new { id }));
        Assert.Equal("ambiguous", await Scalar<string>("select unplaced_reason from police_event where id = 433122")); // Östberga and Solberga
        Assert.Equal(0L, await Scalar<long>("select count(*) from police_event where kommun <> 'Stockholm'"));
        Assert.True(await Scalar<long>("select count(*) from police_event where area_id is not null") >= 220);
    }

    [Fact]
    public async Task The_places_of_the_gazetteer_lie_where_the_database_boundaries_put_them()
    {
        var locator = Api.Services.GetRequiredService<AreaLocator>();
        var loaded = await Gazetteer.LoadAsync(locator, CancellationToken.None);

        Assert.Equal("solberga", loaded.Find("Älvsjö station").Single().Slug);
        Assert.Equal("hagersten", loaded.Find("tunnelbanestationen Mälarhöjden").Single().Slug);
        Assert.Equal("liljeholmen", loaded.Find("Lövholmen").Single().Slug);
        foreach (var e in Gazetteer.Entries.Where(e => e.Lat is not null))
            Assert.Equal(PlacementTests.Locate(e.Lat!.Value, e.Lon!.Value), (await locator.LocateAsync(e.Lat.Value, e.Lon!.Value, CancellationToken.None))?.Slug);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[{\"id\": 1, \"datetime\": \"2026-08-22 8:13:44 +02:00\"", "truncated")]
    [InlineData("{\"id\": 1}", "object")]
    [InlineData("[]", "empty array")]
    public async Task A_bad_file_is_a_clear_400_and_nothing_is_written(string body, string _)
    {
        var response = await Import(body);
        var problem = await Problems.ReadAsync(response);

        Assert.Equal(400, problem.Status);
        Assert.NotEmpty(problem.Errors["$"][0]);
        Assert.Equal(0L, await Scalar<long>("select count(*) from police_event"));
    }

    [Fact]
    public async Task Unreadable_elements_are_skipped_with_reasons_and_the_rest_imported()
    {
        var report = await Report(await Import("""
            [{"id": 700002, "datetime": "2026-08-22 8:13:44 +02:00", "name": "22 augusti 07.50, Brand, Stockholm", "summary": "", "type": "Brand",
              "location": {"name": "Stockholms län", "gps": "59.33,18.06"}},
             {"id": "x"},
             {"id": 700003, "datetime": "yesterday", "name": "n", "type": "Brand"},
             {"id": 700002, "datetime": "2026-08-22 8:15:00 +02:00", "name": "22 augusti 07.50, Brand, Stockholm", "summary": "Brand i Liseberg.",
              "type": "Brand", "location": {"name": "Stockholms län", "gps": "59.33,18.06"}}]
            """));

        Assert.Equal((4, 1), (report.Received, report.Imported));
        Assert.Equal([0, 1, 2], report.Skipped.Select(s => s.Index));
        Assert.Contains("again", report.Skipped[0].Reason);
        Assert.Equal("liseberg", await Scalar<string>("select a.slug from police_event p join area a on a.id = p.area_id where p.id = 700002"));
    }
}
