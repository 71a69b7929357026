using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>
/// One rule for every string that comes in: a control character (Unicode Cc) is a 400 naming the field, except line
/// breaks and tabs in free text; and text the database cannot store is a 400 too, never a 500.
/// </summary>
public sealed class ControlCharacterTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 6, 10, 16, 0, 0, TimeSpan.Zero);

    private async Task<HttpClient> As(DevRole role, string? language = null)
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(role));
        if (language is not null) http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return http;
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonObject EventBody(string description, string secondAgendaTitle)
    {
        var body = JsonSerializer.SerializeToNode(Planner.Dialogue(Start), JsonSerializerOptions.Web)!.AsObject();
        body["kind"] = "dialogue";
        body["format"] = "hybrid";
        body["participationLevel"] = "dialogue";
        body["description"] = description;
        body["agenda"]![1]!["title"] = secondAgendaTitle;
        return body;
    }

    [Fact]
    public async Task A_control_character_anywhere_in_a_body_is_a_400_naming_each_field_in_the_callers_language()
    {
        var body = EventBody("Otryggt vid\u0000 centrum", "Polisen\u001b[31m om läget");

        var swedish = await Problems.ReadAsync(await (await As(DevRole.Staff)).PostAsync("/api/v1/events", Json(body)));
        var english = await Problems.ReadAsync(await (await As(DevRole.Staff, "en")).PostAsync("/api/v1/events", Json(body)));

        Assert.Equal(400, swedish.Status);
        Assert.Equal(["agenda[1].title", "description"], swedish.Errors.Keys.Order());
        Assert.Equal("Värdet innehåller ett styrtecken (U+0000) som inte är tillåtet.", Assert.Single(swedish.Errors["description"]));
        Assert.Equal("The value contains a control character (U+001B) that is not allowed.", Assert.Single(english.Errors["agenda[1].title"]));
        Assert.DoesNotContain("\\u0000", swedish.Raw);
        Assert.Equal(0L, await Scalar<long>("select count(*) from event"));
    }

    [Fact]
    public async Task Line_breaks_and_tabs_are_text_in_a_body()
    {
        var response = await (await As(DevRole.Staff)).PostAsync("/api/v1/events", Json(EventBody("Rad ett\r\nrad två\tmed tabb", "Polisen om läget")));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("Rad ett\r\nrad två\tmed tabb", await Scalar<string>("select description from event"));
    }

    [Theory]
    [InlineData("/api/v1/audit?entityType=event%00", "entityType", "U+0000")]
    [InlineData("/api/v1/audit?entityType=a%0Ab", "entityType", "U+000A")] // no line breaks in a parameter
    [InlineData("/api/v1/areas/aspudden%07", "slug", "U+0007")]
    [InlineData("/api/v1/areas?utm_source=%C2%85", "utm_source", "U+0085")] // declared or not
    [InlineData("/api/v1/statistics/crime?area=hagersten-alvsjo&category=%7F", "category", "U+007F")]
    public async Task A_control_character_in_a_query_parameter_or_route_value_is_a_400_naming_it(string url, string field, string character)
    {
        var problem = await Problems.ReadAsync(await (await As(DevRole.Admin, "en")).GetAsync(url));

        Assert.Equal(400, problem.Status);
        Assert.Equal($"The value contains a control character ({character}) that is not allowed.", Assert.Single(problem.Errors[field]));
    }

    [Fact]
    public async Task Open311_answers_in_its_own_error_format_and_takes_multi_line_descriptions()
    {
        var key = (await (await Api.ClientAs(DevRole.Admin)).IssueOpen311KeyAsync(new Open311KeyRequest { Name = "Felanmälan" })).ApiKey!;
        FormUrlEncodedContent Form(string description) => new([
            new("api_key", key), new("service_code", "lighting"), new("lat", "59.2846"), new("long", "17.9694"), new("description", description),
        ]);
        var http = Api.CreateClient();

        var json = await http.PostAsync("/open311/v2/requests.json", Form("Lampan\u0000 är trasig."));
        var xml = await http.PostAsync("/open311/v2/requests.xml", Form("Lampan\u0007 är trasig."));
        var query = await http.GetAsync("/open311/v2/requests.xml?status=open%1B");
        var route = await http.GetAsync("/open311/v2/services/lighting%01.json");
        var multiLine = await http.PostAsync("/open311/v2/requests.json", Form("Lampan är trasig.\r\nSedan en vecka.\tHörnet mot parken."));

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        var error = JsonNode.Parse(await json.Content.ReadAsStringAsync())!.AsArray().Single()!;
        Assert.Equal(400, (int)error["code"]!);
        Assert.StartsWith("description: ", (string)error["description"]!);
        Assert.Contains("U+0000", (string)error["description"]!);
        Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
        Assert.Equal("400", XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root!.Element("error")!.Element("code")!.Value);
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.StartsWith("status: ", XDocument.Parse(await query.Content.ReadAsStringAsync()).Root!.Element("error")!.Element("description")!.Value);
        Assert.Equal(HttpStatusCode.BadRequest, route.StatusCode);
        Assert.StartsWith("code: ", (string)JsonNode.Parse(await route.Content.ReadAsStringAsync())![0]!["description"]!);
        Assert.True(multiLine.IsSuccessStatusCode, await multiLine.Content.ReadAsStringAsync());
        Assert.Equal("Lampan är trasig.\r\nSedan en vecka.\tHörnet mot parken.", await Scalar<string>("select description from observation"));
    }

    [Fact]
    public async Task A_JSON_body_read_by_the_endpoint_itself_is_covered_too()
    {
        var events = """[{"id":1,"datetime":"2026-01-01 0:05:56 +01:00","name":"31 december 23.08, Brand, Stockholm","summary":"Rök\u0000 i trapphuset.","url":"/x","type":"Brand","location":{"name":"Stockholm","gps":"59.3,18.0"}}]""";

        var response = await (await As(DevRole.Staff)).PostAsync("/api/v1/statistics/imports/police-events", new StringContent(events, Encoding.UTF8, "application/json"));

        Assert.Equal("U+0000", (await Problems.ReadAsync(response)).Errors["[0].summary"].Single().Split('(', ')')[1]);
        Assert.Equal(0L, await Scalar<long>("select count(*) from police_event"));
    }

    [Fact]
    public async Task Text_the_database_cannot_store_in_an_uploaded_file_is_a_400_and_nothing_is_saved()
    {
        var http = await As(DevRole.Staff, "en");
        var events = """[{"id":1,"datetime":"2026-01-01 0:05:56 +01:00","name":"31 december 23.08, Brand, Stockholm","summary":"Rök\u0000 i trapphuset.","url":"/x","type":"Brand","location":{"name":"Stockholm","gps":"59.3,18.0"}}]""";
        using var upload = new MultipartFormDataContent { { new StringContent(events, Encoding.UTF8, "application/json"), "file", "events.json" } };
        const string bra = "area_label,area_name,area_level,crime_parent_path,crime_type,year,month,period_label,preliminary,unit,value\n"
            + "Stockholm kommun,Stockholm,kommun,,Totalt antal brott\0,2024,,2024,false,Antal,1\n";
        const string survey = "area,year,indicator,value,unit,source\nfruangen,2024,Otrygga\0 kvällstid,31,%,Rapport\n";

        var responses = new[]
        {
            await http.PostAsync("/api/v1/statistics/imports/police-events/file", upload),
            await http.PostAsync("/api/v1/statistics/imports/bra", new StringContent(bra, Encoding.UTF8, "text/csv")),
            await http.PostAsync("/api/v1/statistics/imports/survey", new StringContent(survey, Encoding.UTF8, "text/csv")),
        };

        foreach (var response in responses)
        {
            var problem = await Problems.ReadAsync(response);
            Assert.Equal(400, problem.Status);
            Assert.Equal("The content holds characters that cannot be stored, such as NUL. Nothing was saved.", Assert.Single(problem.Errors["$"]));
        }
        Assert.Equal("0/0/0/0", await Scalar<string>("""
            select (select count(*) from police_event) || '/' || (select count(*) from crime_statistic) || '/' ||
                   (select count(*) from survey_indicator) || '/' || (select count(*) from audit_log)
            """));
    }
}
