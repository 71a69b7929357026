using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Trygghet.Api.Tests.Support;

/// <summary>
/// A stand-in for a Nominatim <c>/search</c> endpoint: a real HTTP server on a fixed loopback port, answering every
/// search with <see cref="Answer"/> (a <c>jsonv2</c> body) after <see cref="Delay"/>; it records each call's query string
/// and User-Agent.
/// </summary>
public sealed class NominatimServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private NominatimServer(WebApplication app, int port)
    {
        this.app = app;
        SearchUrl = $"http://127.0.0.1:{port}/search";
    }

    public string SearchUrl { get; }

    public string Answer { get; set; } = "[]";

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public ConcurrentQueue<(IQueryCollection Query, string UserAgent)> Calls { get; } = new();

    public static async Task<NominatimServer> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var server = new NominatimServer(builder.Build(), port);
        server.app.MapGet("/search", async http =>
        {
            server.Calls.Enqueue((http.Request.Query, http.Request.Headers.UserAgent.ToString()));
            if (server.Delay > TimeSpan.Zero) await Task.Delay(server.Delay, http.RequestAborted);
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(server.Answer, http.RequestAborted);
        });
        await server.app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
