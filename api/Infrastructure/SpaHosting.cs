using System.Net;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// Serves the built SPA (spa/dist) from the API when <c>Spa:Root</c> names its folder, so the app and
/// the API share one origin: no CORS for the app, and the secret links in e-mails (/anmalan#…) open
/// the app directly. Unknown paths outside the API get index.html (client-side routing); unknown API
/// paths stay 404 problems. See docs/decisions/0010.
/// </summary>
public static class SpaHosting
{
    private static readonly string[] ApiPrefixes = ["/api", "/open311", "/health", "/swagger"];

    public static void UseSpa(this WebApplication app)
    {
        var root = app.Configuration["Spa:Root"];
        if (string.IsNullOrWhiteSpace(root)) return;
        var folder = Path.GetFullPath(root);
        if (!File.Exists(Path.Combine(folder, "index.html")))
        {
            app.Logger.LogWarning("Spa:Root {Folder} holds no index.html; the app is not served", folder);
            return;
        }

        var files = new PhysicalFileProvider(folder);
        var policy = ContentSecurityPolicy(app.Configuration);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // Vite fingerprints everything under assets/: cache it for a year. Everything else is revalidated.
                var immutable = context.Context.Request.Path.StartsWithSegments("/assets");
                context.Context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
                if (context.Context.Request.Path.StartsWithSegments("/widget"))
                    context.Context.Response.Headers.AccessControlAllowOrigin = "*"; // the widget is embedded on other sites
            },
        });

        // After routing: a GET that matched no endpoint, outside the API's paths and not for a file, is one of
        // the app's own routes. The API's paths keep their own answers (a GET on a POST-only route stays a 405).
        var index = IndexPage(Path.Combine(folder, "index.html"), SignInOptions(app));
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.GetEndpoint() is not null || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || ApiPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix)) || Path.HasExtension(request.Path.Value))
            {
                await next(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers[HeaderNames.ContentSecurityPolicy] = policy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            if (HttpMethods.IsGet(request.Method)) await context.Response.WriteAsync(index(), context.RequestAborted);
        });
    }

    /// <summary>
    /// index.html with the staff sign-in this deployment offers, in its <c>trygghet-sign-in</c> meta element: the OIDC
    /// provider (Auth__Authority, Auth__ClientId, Auth__Scope), or the development sign-in. One build of the app serves
    /// every environment. Read again when the file changes (a rebuild while the API runs).
    /// </summary>
    private static Func<string> IndexPage(string path, string signIn)
    {
        var attribute = $"name=\"trygghet-sign-in\" content=\"{WebUtility.HtmlEncode(signIn)}\"";
        var cached = new Page(DateTime.MinValue, "");
        return () =>
        {
            var written = File.GetLastWriteTimeUtc(path);
            var page = cached; // one reference read: concurrent requests see a whole page, old or new
            if (page.Written != written)
                cached = page = new Page(written, File.ReadAllText(path).Replace("name=\"trygghet-sign-in\" content=\"\"", attribute));
            return page.Html;
        };
    }

    private sealed record Page(DateTime Written, string Html);

    private static string SignInOptions(WebApplication app)
    {
        var auth = app.Services.GetRequiredService<AuthOptions>();
        if (!string.IsNullOrEmpty(auth.Authority) && !string.IsNullOrEmpty(auth.ClientId))
            return JsonSerializer.Serialize(new { authority = auth.Authority, clientId = auth.ClientId, scope = auth.Scope });
        return JsonSerializer.Serialize(new { development = app.Environment.IsDevelopment() && string.IsNullOrEmpty(auth.Authority) });
    }

    /// <summary>
    /// Scripts and connections to this origin only (plus the OIDC provider for staff sign-in). Images also from <c>blob:</c>:
    /// a held photo is fetched with the reviewer's token and shown through an object URL.
    /// </summary>
    private static string ContentSecurityPolicy(IConfiguration configuration)
    {
        var authority = configuration["Auth:Authority"];
        var connect = string.IsNullOrEmpty(authority) ? "'self'" : $"'self' {new Uri(authority).GetLeftPart(UriPartial.Authority)}";
        return $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src {connect}; " +
               "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    }
}
