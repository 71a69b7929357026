using System.Globalization;
using System.Net;
using Mediator;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>
/// The scheduled fetch of the Police's open events API (<c>PoliceFetch__*</c>). The Police ask for a User-Agent naming
/// the service, at least 10 s between calls and at most 60 calls an hour; the defaults keep to that, and start-up fails
/// on settings that would not.
/// </summary>
public sealed class PoliceFetchOptions
{
    /// <summary>Retries of a failed call (5xx, timeout, no connection) within one fetch, each at least 10 s after the call before.</summary>
    public const int Retries = 2;

    /// <summary>At most 60 calls an hour, and a fetch may make <see cref="Retries"/> + 1 of them.</summary>
    public const int MinimumIntervalSeconds = 60 * (Retries + 1);

    /// <summary>Fetch in the background (with <c>Jobs__Enabled</c>); on in appsettings.Production.json, off otherwise.</summary>
    public bool Enabled { get; set; }

    public string Url { get; set; } = "https://polisen.se/api/events";

    /// <summary>Seconds from the start of one fetch to the next, whichever instance makes them.</summary>
    public int IntervalSeconds { get; set; } = 600;

    public string UserAgent { get; set; } = "Trygghet/1.0 (trygghetsdialoger Hagersten-Alvsjo stadsdelsforvaltning, Stockholm)";

    /// <summary>Seconds one call may take before it counts as failed (and is retried).</summary>
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>While fetching is on, /health/ready reports Degraded when the newest police event is older than this.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The pause before a retry: the Police's 10 s between calls. Not configurable; tests shorten it.</summary>
    internal TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            problems.Add("PoliceFetch__Url must be an absolute http or https address.");
        if (IntervalSeconds < MinimumIntervalSeconds)
            problems.Add($"PoliceFetch__IntervalSeconds must be at least {MinimumIntervalSeconds}: the Police allow 60 calls an hour and a fetch may make {Retries + 1}.");
        if (string.IsNullOrWhiteSpace(UserAgent) || !new HttpRequestMessage().Headers.UserAgent.TryParseAdd(UserAgent))
            problems.Add("PoliceFetch__UserAgent must name the service as a valid User-Agent (ASCII, e.g. 'Name/1.0 (contact)').");
        if (TimeoutSeconds is < 1 or > 120)
            problems.Add("PoliceFetch__TimeoutSeconds must be between 1 and 120.");
        if (StaleAfter <= TimeSpan.Zero)
            problems.Add("PoliceFetch__StaleAfter must be positive.");
        return problems;
    }
}

public static class PoliceFetch
{
    public const string HttpClientName = "police-events";

    /// <summary>Registers the options (failing at start-up when invalid), the HTTP client with its retries and timeouts, the job and the readiness check.</summary>
    public static IServiceCollection AddPoliceFetch(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Settings.Read<PoliceFetchOptions>(configuration, "PoliceFetch");
        services.AddSettings<PoliceFetchOptions>(configuration, "PoliceFetch", (fetch, _) => fetch.Problems(), registerValue: false);
        services.AddSingleton(options);
        services.AddHttpClient(HttpClientName, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts govern
                client.MaxResponseContentBufferSize = 16 * 1024 * 1024;
            })
            .AddResilienceHandler("police-events", pipeline =>
            {
                var attempt = TimeSpan.FromSeconds(options.TimeoutSeconds);
                pipeline
                    .AddTimeout((attempt * (PoliceFetchOptions.Retries + 1)) + (options.RetryDelay * PoliceFetchOptions.Retries) + TimeSpan.FromSeconds(5))
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = PoliceFetchOptions.Retries,
                        Delay = options.RetryDelay,
                        BackoffType = DelayBackoffType.Constant,
                        UseJitter = false, // jitter could bring a retry under the 10 s the Police ask for
                        ShouldRetryAfterHeader = false,
                        // 5xx, 408, timeouts and broken connections; not 429, which asks us to call less.
                        ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)
                            && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests),
                    })
                    .AddTimeout(attempt);
            });
        services.AddSingleton<IPeriodicJob, PoliceFetchJob>();
        services.AddHealthChecks().AddCheck<PoliceDataFreshnessCheck>("policeData", tags: ["ready"]);
        return services;
    }
}

/// <summary>Runs the fetch with the periodic jobs, when it is on; the fetch itself decides whether its interval has passed.</summary>
public sealed class PoliceFetchJob(IServiceProvider services, PoliceFetchOptions options) : IPeriodicJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        if (!options.Enabled) return;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FetchPoliceEventsCommand(), ct);
    }
}

/// <summary>
/// While the fetch is on, ready is Degraded (still 200) when the newest police event is older than
/// <see cref="PoliceFetchOptions.StaleAfter"/>: the API serves, but its figures are falling behind. With the fetch off
/// (development, the demo, sites that upload by hand) the age of the data says nothing about the service.
/// </summary>
public sealed class PoliceDataFreshnessCheck(IServiceProvider services, PoliceFetchOptions options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
    {
        if (!options.Enabled) return HealthCheckResult.Healthy("fetch off");
        try
        {
            await using var scope = services.CreateAsyncScope();
            var newest = await scope.ServiceProvider.GetRequiredService<DbSession>()
                .QuerySingleOrDefaultAsync<DateTimeOffset?>("select published_at from police_event order by published_at desc limit 1", null, ct);
            if (newest is null) return HealthCheckResult.Degraded("no police events yet");
            var age = clock.GetUtcNow() - newest.Value;
            return age > options.StaleAfter
                ? HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture, $"newest police event is {age.TotalHours:0.#} h old"))
                : HealthCheckResult.Healthy("police events current");
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Degraded("police events unknown: database unreachable"); // the database check reports it
        }
    }
}
