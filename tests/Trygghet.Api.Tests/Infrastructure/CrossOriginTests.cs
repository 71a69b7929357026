using System.Net;
using Trygghet.Api.Tests.Contract;

namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>
/// Which pages may read what, over the whole contract: every public read (anonymous GET, and HEAD beside it) is open to
/// any origin, so a city page can embed listings, calendars and statistics; everything with a role, every write and the
/// reads behind a secret link are for the allow-list alone. A new operation is covered the day it appears.
/// </summary>
public sealed class CrossOriginTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string CityPage = "https://start.stockholm";

    /// <summary>Anonymous reads that answer with a person's data behind a secret link.</summary>
    private static readonly string[] PrivateReads = ["GetMyRegistration", "GetRsvp", "GetMyQuestion", "GetSurveyForm", "GetMyAlertSubscription"];

    private static bool IsStream(OpenApiDocument.Operation o) => o.Path.EndsWith("/stream", StringComparison.Ordinal);

    private static bool IsPublicRead(OpenApiDocument.Operation o) => o.Method == "GET" && o.Roles is null && !PrivateReads.Contains(o.Id);

    public static TheoryData<string> PublicReads() =>
        [.. OpenApiDocument.Operations().Where(o => IsPublicRead(o) && !IsStream(o)).Select(o => o.Id)];

    public static TheoryData<string> Others() => [.. OpenApiDocument.Operations().Where(o => !IsPublicRead(o)).Select(o => o.Id)];

    [Theory]
    [MemberData(nameof(PublicReads))]
    public async Task A_public_read_is_open_to_every_origin_and_answers_HEAD_as_GET(string operationId)
    {
        var operation = OpenApiDocument.Operations().Single(o => o.Id == operationId);
        var url = OpenApiDocument.Url(operation);
        var http = Api.CreateClient();

        using var get = await http.SendAsync(Request(HttpMethod.Get, url));
        using var head = await http.SendAsync(Request(HttpMethod.Head, url));
        using var preflight = await http.SendAsync(Preflight(url, "GET"));

        Assert.Equal("*", AllowedOrigin(get));
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal("*", AllowedOrigin(head));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal("*", AllowedOrigin(preflight));
        Assert.DoesNotContain(get.Headers, h => h.Key == "Access-Control-Allow-Credentials");
    }

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Writes_role_reads_and_secret_reads_are_for_the_allow_list_only(string operationId)
    {
        var operation = OpenApiDocument.Operations().Single(o => o.Id == operationId);
        var url = OpenApiDocument.Url(operation);

        using var preflight = await Api.CreateClient().SendAsync(Preflight(url, operation.Method));

        Assert.Null(AllowedOrigin(preflight));
    }

    [Fact]
    public async Task A_live_stream_of_public_questions_is_open_to_every_origin()
    {
        var dialogue = await Registrar.OpenAsync(Api, Planner.Dialogue(Api.Clock.GetUtcNow().AddDays(7)));
        using var request = Request(HttpMethod.Get, $"/api/v1/dialogues/{dialogue.Id}/questions/stream");
        using var response = await Api.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", AllowedOrigin(response));
    }

    private static HttpRequestMessage Request(HttpMethod method, string url) =>
        new(method, url) { Headers = { { "Origin", CityPage } } };

    private static HttpRequestMessage Preflight(string url, string method) => new(HttpMethod.Options, url)
    {
        Headers = { { "Origin", CityPage }, { "Access-Control-Request-Method", method }, { "Access-Control-Request-Headers", "if-none-match" } },
    };

    private static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? string.Join(",", values) : null;
}
