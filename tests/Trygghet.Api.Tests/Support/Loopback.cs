using System.Net;
using System.Net.Sockets;

namespace Trygghet.Api.Tests.Support;

/// <summary>
/// The API on real Kestrel on 127.0.0.1, and clients that connect from other loopback addresses: Linux routes all of
/// 127.0.0.0/8 to loopback, so a client bound to 127.0.0.2 is, to the server, another machine (a proxy, say).
/// </summary>
public sealed class KestrelApi : ApiFactory
{
    private KestrelApi(string connectionString, string environment, IDictionary<string, string?> settings, int port)
        : base(connectionString, environment, settings) => Port = port;

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static KestrelApi Start(string connectionString, IDictionary<string, string?> settings, string environment = "Development")
    {
        var all = new Dictionary<string, string?>(settings) { ["Database:MigrateOnStartup"] = "false" };
        var api = new KestrelApi(connectionString, environment, all, PostgresServer.FreePort());
        api.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, api.Port));
        api.StartServer();
        return api;
    }

    /// <summary>A client whose connections come from <paramref name="source"/> (e.g. 127.0.0.2).</summary>
    public HttpClient From(string source) => Loopback.Client(source, Address);
}

public static class Loopback
{
    public static HttpClient Client(string source, Uri address)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }
}
