using System.Globalization;
using Microsoft.AspNetCore.Authorization;

namespace Trygghet.Api.Infrastructure;

/// <summary>The request headers besides the URL that change a public answer, and so belong in its <c>Vary</c>.</summary>
[Flags]
public enum CacheVary
{
    None = 0,

    /// <summary>Words are chosen by <c>Accept-Language</c> (or <c>?culture=</c>, which is part of the URL).</summary>
    Language = 1,

    /// <summary>The representation is chosen by <c>Accept</c> (JSON-LD, CSV).</summary>
    Accept = 2,
}

/// <summary>
/// How long browsers (<c>max-age</c>) and shared caches (<c>s-maxage</c>) keep a public answer, and how long a shared
/// cache may serve it stale while it revalidates or while the API is away.
/// </summary>
public sealed record SharedCache(int MaxAge, int SharedMaxAge, int StaleWhileRevalidate, int StaleIfError)
{
    /// <summary>What changes by the second in a dialogue (places left, the questions): revalidated by browsers every time.</summary>
    public static readonly SharedCache Live = new(0, 5, 5, 60);

    /// <summary>Listings and details of events, observations, measures, feeds and calendars.</summary>
    public static readonly SharedCache Listing = new(60, 60, 30, 600);

    /// <summary>Statistics: imported at most a few times a day.</summary>
    public static readonly SharedCache Statistics = new(300, 900, 300, 86_400);

    /// <summary>Areas, the base map, categories and Open311's service list: changed by staff, rarely.</summary>
    public static readonly SharedCache Reference = new(300, 3600, 300, 86_400);

    public string Header => string.Create(CultureInfo.InvariantCulture,
        $"public, max-age={MaxAge}, s-maxage={SharedMaxAge}, stale-while-revalidate={StaleWhileRevalidate}, stale-if-error={StaleIfError}");
}

/// <summary>Marks a public anonymous read that shared caches may keep, with its profile and what it varies by.</summary>
public sealed record PublicCacheMetadata(SharedCache Profile, CacheVary Vary);

/// <summary>
/// The one place that decides whether an answer may be stored by a cache (docs/decisions/0018). Every answer the API
/// gives leaves through it:
/// <list type="bullet">
/// <item>A <c>GET</c> of an endpoint marked <see cref="PublicCache{TBuilder}"/>, asked without <c>Authorization</c> or
/// a secret header, answered 2xx or 304: its profile's <c>Cache-Control</c> (<c>public</c>, <c>max-age</c>,
/// <c>s-maxage</c>, <c>stale-while-revalidate</c>, <c>stale-if-error</c>), <c>Vary: Authorization</c> plus what the
/// endpoint declares, and <c>Access-Control-Allow-Origin: *</c> whether or not the request had an <c>Origin</c>, so that
/// the stored answer serves every page and does not vary by origin.</item>
/// <item>The same answered 404: <c>public, max-age=0, s-maxage=10</c>, so a flood on a dead link reaches the API once
/// every ten seconds per cache.</item>
/// <item>Everything else — authenticated or token-bearing requests, reads behind a secret link, every write, every
/// other error, health, streams, and an answer its handler marks <see cref="NotShared"/>: <c>private, no-store</c>.</item>
/// </list>
/// Public is opt-in: an endpoint nobody marked is never cached.
/// </summary>
public static class CachePolicy
{
    public const string NotStored = "private, no-store";
    public const string NotFound = "public, max-age=0, s-maxage=10";
    public const string ImmutableVersion = "public, max-age=31536000, s-maxage=31536000, immutable";

    /// <summary>The request headers that carry a person's secret (secret links travel as <c>X-…-Token</c> headers).</summary>
    public static bool CarriesSecret(HttpRequest request) =>
        request.Headers.ContainsKey("Authorization")
        || request.Headers.Keys.Any(name => name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && name.EndsWith("-Token", StringComparison.OrdinalIgnoreCase));

    /// <summary>A public anonymous read that shared caches may keep for the profile's time.</summary>
    public static TBuilder PublicCache<TBuilder>(this TBuilder builder, SharedCache profile, CacheVary vary = CacheVary.None)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicCacheMetadata(profile, vary));

    /// <summary>This answer of a public endpoint is nobody else's (a reviewer's view) or must not be kept (a degraded answer).</summary>
    public static void NotShared(this HttpContext http) => State(http).NotShared = true;

    /// <summary>This answer is one version of a resource that never changes (a photo's versioned URL): kept for a year.</summary>
    public static void ImmutableAnswer(this HttpContext http) => State(http).Immutable = true;

    /// <summary>Outermost: decides the headers as the answer starts, whoever writes it (endpoint, exception handler, status pages).</summary>
    public static IApplicationBuilder UseCachePolicy(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var state = new CacheState();
        http.Features.Set(state);
        http.Response.OnStarting(() =>
        {
            Apply(http, state);
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>After routing: remembers the endpoint, which the exception handler clears before it writes a problem.</summary>
    public static IApplicationBuilder UseCachePolicyEndpoint(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Features.Get<CacheState>() is { } state) state.Endpoint = http.GetEndpoint();
        return next(http);
    });

    private static CacheState State(HttpContext http) =>
        http.Features.Get<CacheState>() ?? throw new InvalidOperationException($"{nameof(UseCachePolicy)} is not in the pipeline.");

    private static void Apply(HttpContext http, CacheState state)
    {
        var headers = http.Response.Headers;
        var endpoint = http.GetEndpoint() ?? state.Endpoint;
        // The app's files and pages (SpaHosting) are no endpoints and set their own.
        if (endpoint is null && !string.IsNullOrEmpty(headers.CacheControl)) return;

        var status = http.Response.StatusCode;
        var metadata = endpoint?.Metadata;
        var shared = metadata?.GetMetadata<PublicCacheMetadata>() is { } cache
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && metadata.GetMetadata<IAuthorizeData>() is null && metadata.GetMetadata<PrivateReadMetadata>() is null
            && !CarriesSecret(http.Request) && !state.NotShared
            ? cache
            : null;

        if (shared is null || !(status is >= 200 and < 300 or StatusCodes.Status304NotModified or StatusCodes.Status404NotFound))
        {
            headers.CacheControl = NotStored;
            return;
        }

        var vary = new List<string> { "Authorization" };
        if (shared.Vary.HasFlag(CacheVary.Accept)) vary.Add("Accept");
        // Problems are worded in the caller's language.
        if (shared.Vary.HasFlag(CacheVary.Language) || status == StatusCodes.Status404NotFound) vary.Add("Accept-Language");
        headers.Vary = string.Join(", ", vary);
        headers.CacheControl = status == StatusCodes.Status404NotFound ? NotFound : state.Immutable ? ImmutableVersion : shared.Profile.Header;
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlExposeHeaders = string.Join(',', PublicCorsPolicyProvider.Exposed);
    }

    private sealed class CacheState
    {
        public Endpoint? Endpoint { get; set; }
        public bool NotShared { get; set; }
        public bool Immutable { get; set; }
    }
}
