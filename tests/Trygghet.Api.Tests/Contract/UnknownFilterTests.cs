using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ical.Net;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Contract;

/// <summary>
/// A filter given a value that does not exist — an area slug with a typo, a value outside the parameter's enum — is a
/// 400 problem naming the parameter, in Swedish and in English, never an empty 200: an embedded listing with
/// <c>area="fruangn"</c> must say what is wrong instead of showing nothing. Over the whole contract: every query
/// parameter of a GET that names an area or has an enum schema, so a new filter is covered the day it appears.
/// </summary>
public sealed class UnknownFilterTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string UnknownArea = "fruangn";
    private const string UnknownValue = "noSuchValue";

    private static bool IsFilter(JsonObject parameter) =>
        (string?)parameter["name"] == "area" || OpenApiDocument.Resolve(parameter["schema"]?.AsObject() ?? [])["enum"] is JsonArray;

    private static IEnumerable<(OpenApiDocument.Operation Operation, string Parameter)> Filters() =>
        OpenApiDocument.Operations().Where(o => o.Method == "GET")
            .SelectMany(o => o.Parameters("query").Where(IsFilter).Select(p => (o, (string)p["name"]!)));

    public static TheoryData<string, string> FilterParameters()
    {
        var data = new TheoryData<string, string>();
        foreach (var (operation, parameter) in Filters()) data.Add(operation.Id, parameter);
        return data;
    }

    [Fact]
    public void The_sweep_reaches_the_listings_feeds_and_series()
    {
        var covered = Filters().Select(f => $"{f.Operation.Id}.{f.Parameter}").ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "ListDialogues.area", "ListDialogues.format", "ListWalks.area", "GetCalendar.area", "GetCalendar.kind", "ListMeasures.area",
            "ListMeasures.status", "ListObservations.area", "ListObservations.category", "GetCrimeSeries.area", "GetCrimeSeries.format",
            "GetSurveySeries.area", "GetEngagement.area", "ListActors.kind", "ListModerationQueue.status",
        }, covered);
    }

    [Theory]
    [MemberData(nameof(FilterParameters))]
    public async Task An_unknown_filter_value_is_a_400_problem_naming_the_parameter_in_both_languages(string operationId, string parameter)
    {
        var operation = OpenApiDocument.Operations().Single(o => o.Id == operationId);
        var world = await ContractWorld.CreateAsync(Api);
        var role = operation.Roles?.Contains("admin") == false ? Enum.Parse<DevRole>(operation.Roles[0], ignoreCase: true) : DevRole.Admin;
        var http = Api.CreateClient();
        if (operation.Roles is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(role, role == DevRole.Actor ? world.ActorId : null));
        var unknown = parameter == "area" ? UnknownArea : UnknownValue;
        var url = OpenApiDocument.Url(operation, p => world.PathValue(operation, p), p => (string)p["name"]! == parameter ? unknown : world.QueryValue(p));

        var messages = new Dictionary<string, string>();
        foreach (var language in new[] { "sv", "en" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var problem = await Problems.ReadAsync(response);
            Assert.True(problem.Status == 400, $"{operation} with {parameter}={unknown} ({language}): {problem.Status} {problem.Raw}");
            Assert.True(problem.Errors.TryGetValue(parameter, out var errors) && errors.Length > 0, $"{operation} ({language}): no errors.{parameter} in {problem.Raw}");
            Assert.Contains(unknown, errors[0], StringComparison.Ordinal);
            Assert.Equal(language == "sv" ? "Felaktig begäran" : "Bad request", problem.Title);
            messages[language] = errors[0];
        }
        Assert.NotEqual(messages["sv"], messages["en"]);
        Assert.StartsWith(parameter == "area" ? "Okänt område" : "Okänt värde", messages["sv"], StringComparison.Ordinal);
        Assert.StartsWith(parameter == "area" ? "Unknown area" : "Unknown value", messages["en"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_area_in_the_calendar_feed_is_a_problem_not_an_empty_calendar()
    {
        var http = Api.CreateClient();
        using var swedish = await http.GetAsync($"/api/v1/calendar.ics?area={UnknownArea}");
        using var english = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/calendar.ics?area={UnknownArea}");
        english.Headers.AcceptLanguage.ParseAdd("en");

        var sv = await Problems.ReadAsync(swedish);
        var en = await Problems.ReadAsync(await http.SendAsync(english));

        Assert.Equal((400, "Okänt område: fruangn"), (sv.Status, Assert.Single(sv.Errors["area"])));
        Assert.Equal((400, "Unknown area: fruangn"), (en.Status, Assert.Single(en.Errors["area"])));
        Assert.Null(swedish.Headers.ETag);
    }

    [Fact]
    public async Task A_known_area_still_filters_and_the_district_slug_still_means_all_its_neighbourhoods()
    {
        var planner = await Planner.StaffAsync(Api);
        var now = Api.Clock.GetUtcNow();
        var fruangen = await planner.PublishedAsync(Planner.Dialogue(now.AddDays(30)));
        var elsewhere = Planner.Dialogue(now.AddDays(40));
        elsewhere.AreaSlug = "aspudden";
        var aspudden = await planner.PublishedAsync(elsewhere);
        var http = Api.CreateClient();

        Calendar Read(string text) => Calendar.Load(text)!;
        var inFruangen = Read(await http.GetStringAsync("/api/v1/calendar.ics?area=fruangen"));
        var inDistrict = Read(await http.GetStringAsync("/api/v1/calendar.ics?area=hagersten-alvsjo"));

        static string Uid(EventPlan e) => $"{e.Id}@trygghet.hagersten-alvsjo";
        Assert.Equal([Uid(fruangen)], inFruangen.Events.Select(e => e.Uid));
        Assert.Equal(new[] { Uid(fruangen), Uid(aspudden) }.Order(StringComparer.Ordinal), inDistrict.Events.Select(e => e.Uid!).Order(StringComparer.Ordinal));
        Assert.Equal([aspudden.Id], (await Api.Client().ListDialoguesAsync(area: "aspudden")).Items.Select(e => e.Id));
        Assert.Equal(2, (await Api.Client().ListDialoguesAsync(area: "hagersten-alvsjo")).Items.Count);
        Assert.Empty((await Api.Client().ListWalksAsync(area: "fruangen")).Items); // a known area without events is still an empty 200
    }

    [Fact]
    public async Task A_police_event_type_with_a_typo_is_a_400_not_a_series_of_zeros()
    {
        var http = Api.CreateClient();
        var typo = await Problems.ReadAsync(await http.GetAsync("/api/v1/statistics/crime?area=fruangen&source=police&category=Misshandell"));
        using var listed = await http.GetAsync("/api/v1/statistics/crime?area=fruangen&source=police&category=Misshandel");
        using var bra = await http.GetAsync("/api/v1/statistics/crime?area=hagersten-alvsjo&source=bra&category=Misshandell");

        Assert.Equal(400, typo.Status);
        Assert.StartsWith("Okänd händelsetyp: Misshandell.", Assert.Single(typo.Errors["category"]), StringComparison.Ordinal);
        Assert.Equal(200, (int)listed.StatusCode);
        // BRÅ's crime types come with its files: one without figures is a series of periods without values, never zeros.
        Assert.Equal(200, (int)bra.StatusCode);
        using var series = System.Text.Json.JsonDocument.Parse(await bra.Content.ReadAsStringAsync());
        Assert.All(series.RootElement.GetProperty("points").EnumerateArray(), p => Assert.Equal(System.Text.Json.JsonValueKind.Null, p.GetProperty("value").ValueKind));
    }

    [Fact]
    public async Task A_police_event_type_not_on_the_list_is_known_once_imported()
    {
        const string url = "/api/v1/statistics/crime?area=fruangen&source=police&category=Helt%20ny%20typ";
        var http = Api.CreateClient();
        var before = await Problems.ReadAsync(await http.GetAsync(url));

        await Api.ImportAsync("/api/v1/statistics/imports/police-events", """
            [{"id": 900001, "datetime": "2026-08-18 11:23:22 +02:00", "name": "18 augusti 10.42, Helt ny typ, Stockholm",
              "summary": "Något hände vid Fruängens centrum.", "url": "/aktuellt/x", "type": "Helt ny typ",
              "location": {"name": "Stockholm", "gps": "59.33,18.06"}}]
            """, "application/json");
        using var after = await http.GetAsync(url);

        Assert.Equal(400, before.Status);
        Assert.True(before.Errors.ContainsKey("category"), before.Raw);
        Assert.Equal(200, (int)after.StatusCode);
    }

    [Fact]
    public async Task The_generated_client_reports_the_unknown_area_as_a_validation_problem()
    {
        var error = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => Api.Client().ListDialoguesAsync(area: UnknownArea));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Okänt område: fruangn", Assert.Single(error.Result.Errors["area"]));
    }

    [Fact]
    public async Task An_unknown_area_of_a_path_is_still_a_404()
    {
        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().GetAreaAsync(UnknownArea));
        using var feed = await Api.CreateClient().GetAsync($"/api/v1/areas/{UnknownArea}/feed.atom");

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(404, (await Problems.ReadAsync(feed)).Status);
    }
}
