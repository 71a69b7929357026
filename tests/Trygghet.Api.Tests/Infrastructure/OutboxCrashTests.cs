using System.Diagnostics;
using System.Globalization;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>
/// Exactly once across <c>kill -9</c>: the API runs as its own process (the built <c>Trygghet.Api.dll</c>) on its own
/// database, sending a queue to a real SMTP server; it is killed with SIGKILL mid-run and started again. Every message
/// arrives, and the only repeats are messages that were in flight, at most one per connection, each with its Message-ID.
/// </summary>
public sealed class OutboxCrashTests(ApiFixture fixture, ITestOutputHelper output) : ApiTest(fixture)
{
    private const int Messages = 3000;
    private const int Connections = 4;

    [Fact]
    public async Task A_sender_killed_mid_run_and_started_again_delivers_every_message_and_repeats_at_most_one_per_connection()
    {
        var database = $"trygghet_crash_{Guid.NewGuid():N}"[..30];
        await using (var admin = new NpgsqlConnection(Fixture.Postgres.ConnectionString))
            await admin.ExecuteAsync($"create database {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(Fixture.Postgres.ConnectionString) { Database = database, Pooling = false }.ConnectionString;
        await using var sink = await SmtpSink.StartAsync();
        try
        {
            var first = await StartApiAsync(connectionString, sink.Port);
            try
            {
                await using (var conn = new NpgsqlConnection(connectionString))
                {
                    await conn.ExecuteAsync("""
                        insert into outbox (kind, recipient, subject, body, calendar, created_at, available_at)
                        select 'test', 'mottagare' || i || '@example.se', 'Ämne ' || i, 'Text ' || i, null, now(), now()
                        from generate_series(1, @Messages) i
                        """, new { Messages });
                }
                var before = await sink.WaitForAsync(Messages / 3, TimeSpan.FromSeconds(120));
                Assert.True(before.Count >= Messages / 3, $"the first instance sent only {before.Count} messages");
            }
            finally
            {
                first.Kill(); // SIGKILL: no shutdown, no release of its claims
                await first.WaitForExitAsync();
                first.Dispose();
            }
            var atKill = sink.Mails().Count;
            Assert.InRange(atKill, 1, Messages - 1); // killed mid-run

            var second = await StartApiAsync(connectionString, sink.Port);
            try
            {
                var deadline = Stopwatch.StartNew();
                while (await UnsentAsync(connectionString) > 0 && deadline.Elapsed < TimeSpan.FromSeconds(180))
                    await Task.Delay(200);
                Assert.Equal(0L, await UnsentAsync(connectionString));
            }
            finally
            {
                second.Kill();
                await second.WaitForExitAsync();
                second.Dispose();
            }

            var mails = sink.Mails();
            var expected = await ExpectedIdsAsync(connectionString);
            Assert.Equal(Messages, expected.Count);
            output.WriteLine($"{atKill} messages taken before the kill, {mails.Count} in all, {mails.Select(m => m.MessageId).Distinct().Count()} distinct Message-IDs");
            Assert.Equal(expected.Order(), mails.Select(m => m.MessageId).Distinct().Order()); // every message, by its own Message-ID
            var repeated = mails.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).ToList();
            Assert.InRange(repeated.Count, 0, Connections); // only what was in flight at the kill
            Assert.All(repeated, g => Assert.Equal(2, g.Count()));
            Assert.True(mails.Count > atKill, "the second instance sent the rest");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Fixture.Postgres.ConnectionString);
            await admin.ExecuteAsync($"drop database if exists {database} with (force)");
        }
    }

    /// <summary>Starts the built API as a separate process and waits until it is ready (it migrates its database first).</summary>
    private static async Task<Process> StartApiAsync(string connectionString, int smtpPort)
    {
        var port = PostgresServer.FreePort();
        var dll = ApiDll();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["DATABASE_URL"] = connectionString,
                ["Logging__LogLevel__Default"] = "Warning",
                ["Jobs__Enabled"] = "false",
                ["PoliceFetch__Enabled"] = "false",
                ["Mail__SmtpHost"] = "127.0.0.1",
                ["Mail__SmtpPort"] = smtpPort.ToString(CultureInfo.InvariantCulture),
                ["Mail__SmtpConnections"] = Connections.ToString(CultureInfo.InvariantCulture),
                ["Mail__BatchSize"] = "100",
                ["Mail__PollSeconds"] = "1",
                // Short claims, so that the second instance takes over what the first held without a long wait.
                ["Mail__ClaimSeconds"] = "6",
                ["Mail__SmtpTimeoutSeconds"] = "2",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                lock (output) throw new InvalidOperationException($"The API exited ({process.ExitCode}): {output}");
            try
            {
                using var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));
                if (ready.IsSuccessStatusCode) return process;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                process.Kill();
                throw new TimeoutException("The API did not become ready within 90 s.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The API's own build beside this test's (same configuration), as <c>dotnet build</c> of the solution leaves it.</summary>
    private static string ApiDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // tests/…/bin/<Configuration>/<tfm>
        var tfm = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Trygghet.Api.sln"))) root = root.Parent;
        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("The repository root was not found."),
            "api", "bin", configuration, tfm, "Trygghet.Api.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
    }

    private static async Task<long> UnsentAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        return await conn.ExecuteScalarAsync<long>("select count(*) from outbox where sent_at is null");
    }

    private static async Task<List<string>> ExpectedIdsAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        return (await conn.QueryAsync<string>("select message_id::text || '@trygghet.localhost' from outbox")).ToList();
    }
}
