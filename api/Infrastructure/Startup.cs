using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;

namespace Trygghet.Api.Infrastructure;

public static class Json
{
    /// <summary>The API's own settings, for JSON written outside a response (the live stream's stored events).</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        return options;
    }

    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
    }
}

public static class ProblemText
{
    /// <summary>Every problem gets a localised title, a default detail for its status, and the trace id.</summary>
    public static void Localise(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        context.ProblemDetails.Status = status;
        context.ProblemDetails.Title = CommonTexts.Title(status) ?? context.ProblemDetails.Title;
        if (status == StatusCodes.Status415UnsupportedMediaType && context.ProblemDetails.Detail is null && AcceptedMediaTypes(context.HttpContext) is { Count: > 0 } types)
            context.ProblemDetails.Detail = CommonTexts.SendAs.Format(string.Join(Text.IsEnglish ? " or " : " eller ", types));
        context.ProblemDetails.Detail ??= CommonTexts.DefaultDetail(status);
        context.ProblemDetails.Instance = null;
    }

    /// <summary>
    /// The media types the operation at the request's address and method accepts: routing answers 415 before any
    /// handler runs, so the problem must find them itself to tell a CSV upload to send text/csv, not JSON.
    /// </summary>
    private static List<string> AcceptedMediaTypes(HttpContext http)
    {
        var endpoints = http.RequestServices.GetService<EndpointDataSource>()?.Endpoints ?? [];
        return endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase) == true)
            .Where(e => e.RoutePattern.RawText is { } raw
                && new Microsoft.AspNetCore.Routing.Template.TemplateMatcher(Microsoft.AspNetCore.Routing.Template.TemplateParser.Parse(raw), [])
                    .TryMatch(http.Request.Path, []))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}

public static class Startup
{
    /// <summary>Held while one instance migrates and seeds, so that instances starting together do it one after the other.</summary>
    private const long PreparationLock = 0x7472_7967_6d69_6772;

    /// <summary>
    /// Migrates and seeds reference data, retrying while the database is still starting. Several instances may start at
    /// once: each waits for a session advisory lock, on a connection of its own outside the pool, so the first migrates
    /// and seeds and the others find everything done.
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Trygghet.Startup");
        var connectionString = Database.ConnectionString(app.Configuration);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var gate = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
                await gate.OpenAsync();
                await using (var lockCommand = new NpgsqlCommand($"select pg_advisory_lock({PreparationLock})", gate)) await lockCommand.ExecuteNonQueryAsync();
                Migrations.Apply(connectionString, logger);
                var demo = app.Configuration.GetValue("Seed:Demo", false);
                foreach (var task in app.Services.GetServices<IStartupTask>().Where(t => demo || !t.DemoOnly).OrderBy(t => t.Order))
                    await task.RunAsync(CancellationToken.None);
                logger.LogInformation("Database migrated and reference data seeded");
                return; // closing the gate connection ends its session and releases the lock
            }
            catch (Exception e) when (attempt < 30 && ProblemExceptionHandler.IsDatabaseUnavailable(e))
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }
}
