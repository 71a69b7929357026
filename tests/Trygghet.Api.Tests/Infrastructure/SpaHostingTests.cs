using System.Net;

namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>The API serving the built app from the same origin (docs/decisions/0010).</summary>
public sealed class SpaHostingTests(ApiFixture fixture) : ApiTest(fixture), IDisposable
{
    private readonly string root = CreateApp();

    [Fact]
    public async Task App_routes_and_secret_links_open_the_app_with_a_strict_policy()
    {
        await using var host = Host();
        var http = host.CreateClient();

        foreach (var path in new[] { "/", "/anmalan", "/dialoger/trygghetsdialog-i-fruangen", "/personal/evenemang/ny" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync());
            var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            // Held photos reach the review page as object URLs (fetched with the token), nothing from other origins.
            Assert.Contains("img-src 'self' data: blob:;", policy);
            Assert.Equal("no-referrer", string.Join(' ', response.Headers.GetValues("Referrer-Policy")));
            Assert.True(response.Headers.CacheControl?.NoCache, path);
        }
    }

    [Fact]
    public async Task The_page_names_the_sign_in_of_this_deployment()
    {
        await using var development = Host();
        await using var withProvider = Host(new()
        {
            ["Auth:Authority"] = "https://login.example.se/realms/stockholm",
            ["Auth:ClientId"] = "trygghet-app",
        });

        var local = await development.CreateClient().GetStringAsync("/personal/logga-in");
        var provider = await withProvider.CreateClient().GetStringAsync("/personal/logga-in");

        Assert.Contains("name=\"trygghet-sign-in\" content=\"{&quot;development&quot;:true}\"", local);
        Assert.Contains("{&quot;authority&quot;:&quot;https://login.example.se/realms/stockholm&quot;,&quot;clientId&quot;:&quot;trygghet-app&quot;,&quot;scope&quot;:&quot;openid profile&quot;}", provider);
        Assert.DoesNotContain("development", provider);
    }

    [Fact]
    public async Task Fingerprinted_assets_are_cached_and_the_widget_may_be_embedded_anywhere()
    {
        await using var host = Host();
        var http = host.CreateClient();

        var asset = await http.GetAsync("/assets/index-AbC123.js");
        var widget = await http.GetAsync("/widget/trygghet-events.js");

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);
        Assert.Equal(HttpStatusCode.OK, widget.StatusCode);
        Assert.Equal("*", string.Join(' ', widget.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Unknown_API_paths_and_missing_files_stay_404_problems()
    {
        await using var host = Host();
        var http = host.CreateClient();

        foreach (var path in new[] { "/api/v1/nothing-here", "/open311/v2/nothing", "/assets/missing-123.js" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/areas")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.GetAsync("/api/v1/dev/token")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/apiary")).StatusCode); // only whole segments are the API's
    }

    [Fact]
    public async Task Without_a_built_app_nothing_is_served_beside_the_API()
    {
        var response = await Api.CreateClient().GetAsync("/anmalan");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private ApiFactory Host(Dictionary<string, string?>? settings = null) => new(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?>(settings ?? [])
    {
        ["Spa:Root"] = root,
        ["Database:MigrateOnStartup"] = "false",
    });

    private static string CreateApp()
    {
        var root = Path.Combine(Path.GetTempPath(), $"trygghet-app-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        Directory.CreateDirectory(Path.Combine(root, "widget"));
        File.WriteAllText(Path.Combine(root, "index.html"), "<!doctype html><html lang=\"sv\"><head><meta name=\"trygghet-sign-in\" content=\"\" /></head><body><div id=\"root\"></div></body></html>");
        File.WriteAllText(Path.Combine(root, "assets", "index-AbC123.js"), "console.log('app');");
        File.WriteAllText(Path.Combine(root, "widget", "trygghet-events.js"), "console.log('widget');");
        return root;
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
