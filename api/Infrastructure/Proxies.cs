using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// The reverse proxies in front of the API whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Nothing
/// is trusted by default, not even loopback: without a proxy, a client that sends the headers itself changes nothing.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>Addresses of the proxies, comma-separated (<c>Proxy__KnownProxies=10.0.0.5,10.0.0.6</c>).</summary>
    public string? KnownProxies { get; set; }

    /// <summary>Networks the proxies are in, comma-separated CIDR (<c>Proxy__KnownNetworks=10.0.0.0/8</c>).</summary>
    public string? KnownNetworks { get; set; }

    /// <summary>How many proxies, from the nearest, may have added to <c>X-Forwarded-For</c> (a CDN in front of the ingress is 2).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Whether any proxy is trusted at all.</summary>
    public bool Configured => Proxies().Any() || Networks().Any();

    public IEnumerable<string> Problems()
    {
        foreach (var entry in Entries(KnownProxies).Where(e => !IsAddress(e)))
            yield return $"Proxy__KnownProxies: '{entry}' is not an IP address (addresses are comma-separated, e.g. 10.0.0.5,10.0.0.6).";
        foreach (var entry in Entries(KnownNetworks).Where(e => e.Split('/') is not [var address, _] || !IsAddress(address) || !IPNetwork.TryParse(e, out _)))
            yield return $"Proxy__KnownNetworks: '{entry}' is not a network in CIDR form (e.g. 10.0.0.0/8).";
        foreach (var problem in Settings.Between("Proxy__ForwardLimit", ForwardLimit, 1, 10)) yield return problem;
    }

    public IEnumerable<IPAddress> Proxies() =>
        Entries(KnownProxies).Select(e => IPAddress.TryParse(e, out var address) ? address : null).OfType<IPAddress>();

    public IEnumerable<IPNetwork> Networks() =>
        Entries(KnownNetworks).Select(e => IPNetwork.TryParse(e, out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>();

    /// <summary>A whole address: IPv6, or IPv4 as four numbers (the parser would read <c>10.1</c> as 10.0.0.1).</summary>
    private static bool IsAddress(string text) =>
        IPAddress.TryParse(text, out var address) && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3);

    private static string[] Entries(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public static class Proxies
{
    public static IServiceCollection AddTrygghetProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ProxyOptions>(configuration, "Proxy", (proxy, _) => proxy.Problems());
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            // Only the client's address and scheme. X-Forwarded-Host is left alone: links are built from Site__PublicUrl.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxy.Value.ForwardLimit;
            // ASP.NET Core trusts loopback by default; here only what is configured is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.Proxies())
            {
                forwarded.KnownProxies.Add(address);
                // A dual-stack listener sees an IPv4 peer as ::ffff:a.b.c.d.
                if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) forwarded.KnownProxies.Add(address.MapToIPv6());
            }
            foreach (var network in proxy.Value.Networks())
            {
                forwarded.KnownIPNetworks.Add(network);
                if (network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                    forwarded.KnownIPNetworks.Add(new IPNetwork(network.BaseAddress.MapToIPv6(), network.PrefixLength + 96));
            }
        });
        return services;
    }

    /// <summary>
    /// The client's address for rate limits and stream caps: the connection's peer, or the address a trusted proxy
    /// forwarded (the forwarded-headers middleware has already put it in place), IPv4 written as IPv4.
    /// </summary>
    public static string ClientAddress(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "unknown";
}
