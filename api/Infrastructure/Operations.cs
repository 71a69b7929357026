using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Trygghet.Api.Infrastructure;

public sealed class ApiOptions
{
    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Anonymous writes allowed per client address and minute.</summary>
    public int AnonymousWritesPerMinute { get; set; } = 30;

    /// <summary>
    /// Voter tokens issued per client address and minute. Higher than other writes: a room of residents on one
    /// wireless network shares an address.
    /// </summary>
    public int VoterTokensPerMinute { get; set; } = 600;

    /// <summary>Votes per voter token and minute.</summary>
    public int VotesPerMinute { get; set; } = 60;

    /// <summary>
    /// Place searches per client address and minute: public reads, but each may ask the configured geocoder, whose
    /// usage policy limits how often it is called.
    /// </summary>
    public int PlaceSearchesPerMinute { get; set; } = 60;

    /// <summary>Paths whose POST bodies may be larger than <see cref="MaxRequestBodyBytes"/> (uploads), with their own limit; set by the features.</summary>
    public Dictionary<string, long> LargeBodies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The largest body a request may send.</summary>
    public long BodyLimit(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && LargeBodies.TryGetValue(request.Path.Value?.TrimEnd('/') ?? "", out var limit) ? limit : MaxRequestBodyBytes;

    /// <summary>
    /// Live streams (<c>…/stream</c>) one client address may hold open at once. Generous: a room of residents on one
    /// wireless network, or everyone behind a school's or an office's address, shares it.
    /// </summary>
    public int MaxStreamsPerAddress { get; set; } = 500;

    /// <summary>Origins allowed to call the API from a browser (CORS); comma-separated in the environment.</summary>
    public string[] CorsOrigins { get; set; } = [];
}

public static class Operations
{
    public const string AnonymousWrites = "anonymous-writes";
    public const string AnonymousSessions = "anonymous-sessions";
    public const string Votes = "votes";
    public const string PlaceSearches = "place-searches";
    public const string Streams = "streams";

    /// <summary>Seconds a client is asked to wait before opening another stream when it holds too many.</summary>
    public const int StreamRetryAfterSeconds = 30;

    public static IServiceCollection AddTrygghetOperations(this IServiceCollection services, ApiOptions options)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AnonymousWrites, http => RateLimitPartition.GetFixedWindowLimiter(
                Proxies.ClientAddress(http),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.AnonymousWritesPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.AddPolicy(AnonymousSessions, http => RateLimitPartition.GetFixedWindowLimiter(
                Proxies.ClientAddress(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.VoterTokensPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.AddPolicy(PlaceSearches, http => RateLimitPartition.GetFixedWindowLimiter(
                Proxies.ClientAddress(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PlaceSearchesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Open streams per address, held for as long as each stream lasts: the lease ends with the request.
            limiter.AddPolicy(Streams, http => RateLimitPartition.GetConcurrencyLimiter(
                Proxies.ClientAddress(http),
                _ => new ConcurrencyLimiterOptions { PermitLimit = options.MaxStreamsPerAddress, QueueLimit = 0 }));
            // Per voter token (hashed, so the partition key is no secret), falling back to the address without one.
            limiter.AddPolicy(Votes, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Request.Headers["X-Voter-Token"].ToString() is { Length: > 0 } token
                    ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))
                    : Proxies.ClientAddress(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.VotesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var stream = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Streams;
                var retryAfter = stream ? StreamRetryAfterSeconds
                    : context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var problem = new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = stream ? CommonTexts.TooManyStreams.Format(options.MaxStreamsPerAddress) : null,
                    },
                };
                // An EventSource accepts only text/event-stream, which no problem writer offers: it gets the problem anyway.
                if (!await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(problem))
                {
                    ProblemText.Localise(problem);
                    await http.Response.WriteAsJsonAsync(problem.ProblemDetails, Json.Options, "application/problem+json", ct);
                }
            };
        });
        services.AddCors();
        services.AddSingleton<ICorsPolicyProvider>(new PublicCorsPolicyProvider(options));
        return services;
    }

    /// <summary>Rejects bodies over the limit before anything reads them: 413 problem.</summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, ApiOptions options) =>
        app.Use(async (http, next) =>
        {
            var limit = options.BodyLimit(http.Request);
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            if (http.Request.ContentLength > limit)
                throw new BadHttpRequestException(CommonTexts.TooLarge.Format(limit), StatusCodes.Status413PayloadTooLarge);
            await next(http);
        });

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteHealth,
        });
    }

    private static Task WriteHealth(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        if (report.Status != HealthStatus.Healthy)
            http.Response.Headers.RetryAfter = ProblemExceptionHandler.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: http.RequestAborted);
    }

    private sealed class DatabaseReadyCheck(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                return await Migrations.AllAppliedAsync(dataSource, ct)
                    ? HealthCheckResult.Healthy("reachable, migrations applied")
                    : HealthCheckResult.Unhealthy("reachable, migrations pending");
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("unreachable");
            }
        }
    }
}
