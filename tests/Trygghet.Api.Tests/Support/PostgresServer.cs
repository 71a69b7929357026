using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Trygghet.Api.Tests.Support;

/// <summary>
/// The real PostgreSQL of a test run: <c>TEST_DATABASE_URL</c> when set, otherwise a private cluster
/// started with initdb/pg_ctl in a temporary folder on a free port (as the postgres user when root)
/// and removed at the end of the run.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string? dataDirectory;
    private readonly string? binDirectory;

    private PostgresServer(string connectionString, string? dataDirectory, string? binDirectory)
    {
        ConnectionString = connectionString;
        this.dataDirectory = dataDirectory;
        this.binDirectory = binDirectory;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("TEST_DATABASE_URL");
        if (!string.IsNullOrEmpty(given)) return new PostgresServer(given, null, null);

        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault() ?? throw new InvalidOperationException("No PostgreSQL server found under /usr/lib/postgresql; set TEST_DATABASE_URL.");
        var dir = Path.Combine(Path.GetTempPath(), $"trygghet-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["postgres", dir]);
        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", dir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], asRoot);
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", dir, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start"], asRoot);
        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", dir, bin);
        await using (var conn = new NpgsqlConnection(server.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("create database trygghet_test", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=trygghet_test", dir, bin);
    }

    /// <summary>Restarts the cluster as an operator would (fast shutdown: open connections are cut).</summary>
    public async Task RestartAsync()
    {
        if (dataDirectory is null || binDirectory is null) throw new InvalidOperationException("Only a cluster this run started can be restarted.");
        await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataDirectory, "-m", "fast", "-w", "-t", "60", "restart"], Environment.UserName == "root");
    }

    public bool CanRestart => dataDirectory is not null;

    public async ValueTask DisposeAsync()
    {
        if (dataDirectory is null || binDirectory is null) return;
        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        Directory.Delete(dataDirectory, recursive: true);
    }

    /// <summary>
    /// A free port below 32768: the range above is Linux's for outgoing connections, where a client's own connection
    /// attempts can take the port while the server is down.
    /// </summary>
    internal static int FreePort()
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_768);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: try another
            }
        }
        throw new InvalidOperationException("No free port between 20000 and 32767 on loopback.");
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres = false)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args])
            : new ProcessStartInfo(file, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }
}
