using System.Net;
using System.Net.Http.Headers;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>The cap on live streams one address may hold open, over real connections from different loopback addresses.</summary>
public sealed class StreamCapTests(ApiFixture fixture) : QuestionTest(fixture)
{
    private KestrelApi StartCapped() => KestrelApi.Start(Fixture.Postgres.ConnectionString, new Dictionary<string, string?>
    {
        ["Api:MaxStreamsPerAddress"] = "3",
        ["Proxy:KnownProxies"] = "127.0.0.4",
    });

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient http, string path, string? forwardedFor = null, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    [Fact]
    public async Task The_fourth_stream_from_one_address_is_a_429_another_address_still_gets_one_and_closing_one_frees_a_place()
    {
        var e = await OpenDialogueAsync();
        var path = $"/api/v1/dialogues/{e.Slug}/questions/stream";
        await using var api = StartCapped();
        using var crowd = api.From("127.0.0.2");
        using var neighbour = api.From("127.0.0.3");

        var open = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) open.Add(await OpenAsync(crowd, path));
        var fourth = await OpenAsync(crowd, path);
        var fourthInEnglish = await OpenAsync(crowd, path, language: "en");
        var other = await OpenAsync(neighbour, path);

        Assert.All(open, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("30", fourth.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var swedish = await Problems.ReadAsync(fourth);
        var english = await Problems.ReadAsync(fourthInEnglish);
        Assert.Equal("Från din adress är redan 3 liveflöden öppna, det högsta antalet. Stäng ett flöde eller försök igen om en stund.", swedish.Detail);
        Assert.Equal("3 live streams are already open from your address, the most allowed. Close one or try again in a while.", english.Detail);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        open[0].Dispose(); // the client goes away; the server notices at the latest with the next heartbeat
        HttpResponseMessage again;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((again = await OpenAsync(crowd, path)).StatusCode == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline)
        {
            again.Dispose();
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        again.Dispose();
        other.Dispose();
        foreach (var response in open.Skip(1)) response.Dispose();
    }

    [Fact]
    public async Task Behind_a_proxy_the_cap_counts_each_forwarded_client_and_the_moderators_stream_too()
    {
        var e = await OpenDialogueAsync();
        await using var api = StartCapped();
        using var proxy = api.From("127.0.0.4");
        proxy.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Moderator));
        var publicPath = $"/api/v1/dialogues/{e.Slug}/questions/stream";
        var moderatorsPath = $"/api/v1/dialogues/{e.Id}/questions/queue/stream";

        var first = new[]
        {
            await OpenAsync(proxy, publicPath, "203.0.113.50"),
            await OpenAsync(proxy, publicPath, "203.0.113.50"),
            await OpenAsync(proxy, moderatorsPath, "203.0.113.50"),
        };
        var fourth = await OpenAsync(proxy, moderatorsPath, "203.0.113.50");
        var otherClient = await OpenAsync(proxy, publicPath, "203.0.113.51");

        Assert.All(first, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        foreach (var response in first.Append(fourth).Append(otherClient)) response.Dispose();
    }
}
