using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Trygghet.Api.Tests.Support;

/// <summary>
/// A stand-in for polisen.se/api/events: a real HTTP server on a loopback port the OS picks, answering in the order
/// queued and then with <see cref="Otherwise"/>; it records each call's User-Agent.
/// </summary>
public sealed class PoliceApiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> answers = new();
    private int calls;

    private PoliceApiServer(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    public int Calls => Volatile.Read(ref calls);

    public ConcurrentQueue<string> UserAgents { get; } = new();

    /// <summary>The answer once the queue is empty.</summary>
    public Func<HttpContext, Task> Otherwise { get; set; } = Status(StatusCodes.Status404NotFound);

    public static async Task<PoliceApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{PostgresServer.FreePort()}");
        var server = new PoliceApiServer(builder.Build());
        server.app.MapGet("/api/events", async http =>
        {
            Interlocked.Increment(ref server.calls);
            server.UserAgents.Enqueue(http.Request.Headers.UserAgent.ToString());
            await (server.answers.TryDequeue(out var answer) ? answer : server.Otherwise)(http);
        });
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Url = $"{address}/api/events";
        return server;
    }

    public void Then(params Func<HttpContext, Task>[] next)
    {
        foreach (var answer in next) answers.Enqueue(answer);
    }

    /// <summary>A recorded response (TestData/polisen), compact as the live API sends it, or its first <paramref name="bytes"/>.</summary>
    public static Func<HttpContext, Task> File(string name, int? bytes = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "polisen", name);
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllBytes(path)).RootElement);
        return Body(bytes is { } n ? body[..n] : body);
    }

    public static Func<HttpContext, Task> Body(byte[] body) => async http =>
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body);
    };

    /// <summary>Announces the whole recorded response, sends its first <paramref name="bytes"/> and drops the connection.</summary>
    public static Func<HttpContext, Task> BrokenOff(string name, int bytes) => async http =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "polisen", name);
        var body = System.IO.File.ReadAllBytes(path);
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body.AsMemory(0, bytes));
        await http.Response.Body.FlushAsync();
        http.Abort();
    };

    public static Func<HttpContext, Task> Status(int status) => http =>
    {
        http.Response.StatusCode = status;
        return Task.CompletedTask;
    };

    public static Func<HttpContext, Task> Slow(TimeSpan delay) => async http =>
    {
        try
        {
            await Task.Delay(delay, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return; // the client gave up
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
