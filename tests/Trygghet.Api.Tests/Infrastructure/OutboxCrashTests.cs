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
            await using (var first = await StartApiAsync(connectionString, sink.Port))
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
                await first.KillAsync(); // SIGKILL: no shutdown, no release of its claims
                Assert.True(before.Count >= Messages / 3, $"the first instance sent only {before.Count} messages");
            }
            var atKill = sink.Mails().Count;
            Assert.InRange(atKill, 1, Messages - 1); // killed mid-run

            await using (await StartApiAsync(connectionString, sink.Port))
            {
                var deadline = Stopwatch.StartNew();
                while (await UnsentAsync(connectionString) > 0 && deadline.Elapsed < TimeSpan.FromSeconds(180))
                    await Task.Delay(200);
                Assert.Equal(0L, await UnsentAsync(connectionString));
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
    private static async Task<ApiProcess> StartApiAsync(string connectionString, int smtpPort)
    {
        var api = ApiProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
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
        });
        try
        {
            await api.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
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
