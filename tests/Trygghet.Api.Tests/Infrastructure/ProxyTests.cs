using System.Net;
using System.Text;

namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>
/// Forwarded headers over real connections (Kestrel on loopback, clients bound to other loopback addresses): what a
/// configured proxy says about its clients is believed, what anyone else says is not.
/// </summary>
public sealed class ProxyTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Proxy = "127.0.0.2";
    private const string Stranger = "127.0.0.3";

    private KestrelApi Start(params (string Key, string Value)[] settings) =>
        KestrelApi.Start(Fixture.Postgres.ConnectionString, settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    /// <summary>An anonymous write under the anonymous-writes limit (the development token route).</summary>
    private static Task<HttpResponseMessage> WriteAsync(HttpClient http, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dev/token")
        {
            Content = new StringContent("""{"role":"staff"}""", Encoding.UTF8, "application/json"),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return http.SendAsync(request);
    }

    private static async Task<HttpStatusCode[]> WritesAsync(HttpClient http, string? forwardedFor, int count)
    {
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++) codes.Add((await WriteAsync(http, forwardedFor)).StatusCode);
        return [.. codes];
    }

    [Theory]
    [InlineData("Proxy:KnownProxies", "10.20.30.40, 127.0.0.2")]
    [InlineData("Proxy:KnownNetworks", "127.0.0.2/31")]
    public async Task A_configured_proxy_forwarding_for_two_clients_gives_each_its_own_allowance(string key, string value)
    {
        await using var api = Start((key, value), ("Api:AnonymousWritesPerMinute", "2"));
        using var proxy = api.From(Proxy);

        var first = await WritesAsync(proxy, "203.0.113.10", 3);
        var second = await WritesAsync(proxy, "198.51.100.7", 2);
        // A chain: the proxy appends the address it saw last; that is the client.
        var chained = await WritesAsync(proxy, "192.0.2.99, 198.51.100.8", 2);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], second);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], chained);
    }

    [Fact]
    public async Task A_forged_X_Forwarded_For_from_an_unknown_peer_changes_nothing()
    {
        await using var api = Start(("Proxy:KnownProxies", Proxy), ("Api:AnonymousWritesPerMinute", "2"));
        using var stranger = api.From(Stranger);
        using var proxy = api.From(Proxy);

        var forged = await WritesAsync(stranger, "203.0.113.20", 2);
        var anotherForgery = await WriteAsync(stranger, "203.0.113.21");
        var plain = await WriteAsync(stranger);
        // The client the stranger pretended to be still has its own allowance, untouched.
        var real = await WritesAsync(proxy, "203.0.113.20", 2);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], forged);
        Assert.Equal(HttpStatusCode.TooManyRequests, anotherForgery.StatusCode); // the stranger's own bucket
        Assert.Equal(HttpStatusCode.TooManyRequests, plain.StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], real);
    }

    [Fact]
    public async Task Without_configured_proxies_not_even_loopback_is_believed()
    {
        await using var api = Start(("Api:AnonymousWritesPerMinute", "2"));
        using var local = api.From("127.0.0.1");

        var codes = new[]
        {
            (await WriteAsync(local, "203.0.113.30")).StatusCode,
            (await WriteAsync(local, "203.0.113.31")).StatusCode,
            (await WriteAsync(local, "203.0.113.32")).StatusCode,
        };
        var scheme = await SchemeSeenAsync(local, "https");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal("http", scheme);
    }

    [Fact]
    public async Task X_Forwarded_Proto_is_taken_from_the_proxy_only()
    {
        await using var api = Start(("Proxy:KnownProxies", Proxy));
        using var proxy = api.From(Proxy);
        using var stranger = api.From(Stranger);

        Assert.Equal("https", await SchemeSeenAsync(proxy, "https"));
        Assert.Equal("http", await SchemeSeenAsync(proxy, null));
        Assert.Equal("http", await SchemeSeenAsync(stranger, "https"));
    }

    /// <summary>The scheme the API believes the request came with: Open311 discovery names its own address.</summary>
    private static async Task<string> SchemeSeenAsync(HttpClient http, string? forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/open311/discovery.json");
        request.Headers.Add("X-Forwarded-For", "203.0.113.40");
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var https = body.Contains($"https://127.0.0.1:{http.BaseAddress!.Port}/open311", StringComparison.Ordinal);
        var plain = body.Contains($"http://127.0.0.1:{http.BaseAddress!.Port}/open311", StringComparison.Ordinal);
        Assert.True(https ^ plain, body);
        return https ? "https" : "http";
    }
}
