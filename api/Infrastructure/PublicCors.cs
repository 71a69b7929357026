using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Trygghet.Api.Infrastructure;

/// <summary>Marks an anonymous read that is still not public (it answers with a person's data behind a secret).</summary>
public sealed class PrivateReadMetadata;

public static class PrivateReads
{
    /// <summary>An anonymous read behind a secret link: browsers on other origins than the allow-list may not read it.</summary>
    public static TBuilder PrivateRead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PrivateReadMetadata());
}

/// <summary>
/// Which origins a browser lets read an answer. Public data is open to every page: an anonymous <c>GET</c> or
/// <c>HEAD</c> (listings, details, calendars, feeds, statistics, areas, Open311 reads) answers
/// <c>Access-Control-Allow-Origin: *</c>, without credentials, so the widget works on any city page. Everything that
/// needs a role, writes, or reads behind a secret link (<see cref="PrivateReadMetadata"/>) keeps the allow-list
/// <c>Api__CorsOrigins</c>. Decided per endpoint from its metadata, so a new public read is open the day it appears.
/// </summary>
public sealed class PublicCorsPolicyProvider(ApiOptions options) : ICorsPolicyProvider
{
    /// <summary>The one policy name every endpoint carries; which policy applies is decided per request.</summary>
    public const string PolicyName = "public-reads-or-allow-list";

    internal static readonly string[] Exposed = ["ETag", "Location", "Retry-After", "Content-Language", "Content-Disposition"];

    private static readonly CorsPolicy Public = new CorsPolicyBuilder()
        .AllowAnyOrigin().WithMethods(HttpMethods.Get, HttpMethods.Head).AllowAnyHeader().WithExposedHeaders(Exposed)
        .SetPreflightMaxAge(TimeSpan.FromHours(1)).Build();

    private readonly CorsPolicy allowList = new CorsPolicyBuilder()
        .WithOrigins(options.CorsOrigins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders(Exposed).Build();

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName) =>
        Task.FromResult<CorsPolicy?>(IsPublicRead(context) ? Public : allowList);

    private static bool IsPublicRead(HttpContext context)
    {
        var request = context.Request;
        var method = HttpMethods.IsOptions(request.Method) ? request.Headers.AccessControlRequestMethod.ToString() : request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method)) return false;
        var metadata = context.GetEndpoint()?.Metadata;
        return metadata is not null && metadata.GetMetadata<IAuthorizeData>() is null && metadata.GetMetadata<PrivateReadMetadata>() is null;
    }
}
