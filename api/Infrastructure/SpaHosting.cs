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

        var index = files.GetFileInfo("index.html");
        app.MapFallback(async (HttpContext context) =>
        {
            var path = context.Request.Path;
            if (ApiPrefixes.Any(prefix => path.StartsWithSegments(prefix)) || Path.HasExtension(path.Value))
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Messages.Title(StatusCodes.Status404NotFound)).ExecuteAsync(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers[HeaderNames.ContentSecurityPolicy] = policy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await context.Response.SendFileAsync(index, context.RequestAborted);
        }).ExcludeFromDescription();
    }

    /// <summary>Scripts and connections to this origin only (plus the OIDC provider for staff sign-in).</summary>
    private static string ContentSecurityPolicy(IConfiguration configuration)
    {
        var authority = configuration["Auth:Authority"];
        var connect = string.IsNullOrEmpty(authority) ? "'self'" : $"'self' {new Uri(authority).GetLeftPart(UriPartial.Authority)}";
        return $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src {connect}; " +
               "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    }
}
