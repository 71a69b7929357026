using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>
/// The outbox delivered over SMTP to a real server (aiosmtpd on loopback): concurrently over a pool of persistent
/// connections, each message with the Message-ID of its row, claims that keep other instances off, and back-off when
/// the server is away or refuses.
/// </summary>
public sealed class OutboxDeliveryTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Domain = "trygghet.localhost";

    [Fact]
    public async Task Messages_go_concurrently_over_a_pool_of_persistent_connections_each_with_the_Message_ID_of_its_row()
    {
        await using var sink = await SmtpSink.StartAsync();
        var options = Smtp(sink.Port, connections: 4);
        await using var sender = new SmtpSender(options);
        var dispatcher = Dispatcher(sender, options);
        await QueueAsync(300);

        Assert.Equal(300, await dispatcher.DispatchOnceAsync(CancellationToken.None));

        var mails = sink.Mails();
        Assert.Equal(300, mails.Count);
        var expected = (await RowsAsync()).Select(r => $"{r.MessageId:D}@{Domain}").Order().ToList();
        Assert.Equal(expected, mails.Select(m => m.MessageId).Order().ToList());
        var connections = mails.Select(m => m.ClientPort).Distinct().ToList();
        Assert.InRange(connections.Count, 2, 4); // concurrent, and never more than the pool
        Assert.Equal(0L, await Scalar<long>("select count(*) from outbox where sent_at is null or body <> '' or claimed_until is not null"));

        // The connections stay open: the next messages go over the same ones.
        await QueueAsync(20);
        Assert.Equal(20, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.All(sink.Mails().Skip(300), m => Assert.Contains(m.ClientPort, connections));
    }

    [Fact]
    public async Task A_claim_keeps_a_message_from_other_instances_until_it_expires_and_a_message_sent_again_keeps_its_Message_ID()
    {
        await using var sink = await SmtpSink.StartAsync();
        var options = Smtp(sink.Port, connections: 2);
        await using var sender = new SmtpSender(options);
        var dispatcher = Dispatcher(sender, options);
        await QueueAsync(3);
        var rows = await RowsAsync();
        // The first is being sent by another instance; the second was claimed by one that crashed a while ago.
        await Exec("update outbox set claimed_until = now() + interval '1 hour' where id = @Id", new { rows[0].Id });
        await Exec("update outbox set claimed_until = now() - interval '1 second' where id = @Id", new { rows[1].Id });

        Assert.Equal(2, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(new[] { $"{rows[1].MessageId:D}@{Domain}", $"{rows[2].MessageId:D}@{Domain}" }.Order(), sink.Mails().Select(m => m.MessageId).Order());
        Assert.Equal(1L, await Scalar<long>("select count(*) from outbox where sent_at is null"));

        // The other instance dies before recording its send: once its claim expires the message goes again, as itself.
        await Exec("update outbox set claimed_until = now() - interval '1 second' where id = @Id", new { rows[0].Id });
        await Exec("update outbox set sent_at = null, body = 'Text igen', claimed_until = now() - interval '1 second' where id = @Id", new { rows[2].Id });
        Assert.Equal(2, await dispatcher.DispatchOnceAsync(CancellationToken.None));

        var mails = sink.Mails();
        Assert.Equal(4, mails.Count);
        Assert.Equal(3, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(2, mails.Count(m => m.MessageId == $"{rows[2].MessageId:D}@{Domain}"));
        Assert.Equal(1, mails.Count(m => m.MessageId == $"{rows[0].MessageId:D}@{Domain}"));
    }

    [Fact]
    public async Task A_server_that_is_away_or_refuses_gets_the_message_later_with_back_off_and_no_address_in_the_logs()
    {
        var port = PostgresServer.FreePort();
        var options = Smtp(port, connections: 2);
        await using var sender = new SmtpSender(options);
        var logs = new CapturingLogger<OutboxDispatcher>();
        var dispatcher = new OutboxDispatcher(Api.Services.GetRequiredService<NpgsqlDataSource>(), sender, options, Api.Clock, logs);
        Api.Clock.Set(DateTimeOffset.UtcNow);
        await QueueAsync(1);

        Assert.Equal(1, await dispatcher.DispatchOnceAsync(CancellationToken.None)); // nothing listens
        Assert.Equal((1, (string?)"SocketException"), await AttemptsAsync());
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None)); // backing off for 30 s

        await using var sink = await SmtpSink.StartAsync(rejectFirst: 1, port: port);
        Api.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await dispatcher.DispatchOnceAsync(CancellationToken.None)); // 451: try again later
        Assert.Equal((2, (string?)"SmtpCommandException"), await AttemptsAsync());
        Api.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None)); // now 60 s
        Api.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await dispatcher.DispatchOnceAsync(CancellationToken.None));

        Assert.Single(sink.Mails());
        Assert.Equal(1L, await Scalar<long>("select count(*) from outbox where sent_at is not null and attempts = 3 and last_error is null"));
        Assert.Equal(2, logs.Lines.Count);
        Assert.DoesNotContain(logs.Lines, l => l.Contains('@', StringComparison.Ordinal));
    }

    private static MailOptions Smtp(int port, int connections) => new()
    {
        SmtpHost = "127.0.0.1",
        SmtpPort = port,
        SmtpConnections = connections,
        SmtpTimeoutSeconds = 10,
        BatchSize = 50,
    };

    private OutboxDispatcher Dispatcher(IMailSender sender, MailOptions options) =>
        new(Api.Services.GetRequiredService<NpgsqlDataSource>(), sender, options, Api.Clock, NullLogger<OutboxDispatcher>.Instance);

    private async Task QueueAsync(int count)
    {
        await using var conn = new NpgsqlConnection(Fixture.Postgres.ConnectionString);
        await conn.ExecuteAsync("""
            insert into outbox (kind, recipient, subject, body, calendar, created_at, available_at)
            select 'test', 'mottagare' || i || '@example.se', 'Ämne ' || i, 'Text ' || i, null, @now, @now
            from generate_series(1, @count) i
            """, new { count, now = Api.Clock.GetUtcNow().AddSeconds(-1) });
    }

    private sealed record Row(long Id, Guid MessageId);

    private async Task<List<Row>> RowsAsync()
    {
        await using var conn = new NpgsqlConnection(Fixture.Postgres.ConnectionString);
        return (await conn.QueryAsync<Row>("select id, message_id from outbox order by id")).ToList();
    }

    private async Task<(int Attempts, string? LastError)> AttemptsAsync()
    {
        await using var conn = new NpgsqlConnection(Fixture.Postgres.ConnectionString);
        return await conn.QuerySingleAsync<(int, string?)>("select attempts, last_error from outbox");
    }

    private async Task Exec(string sql, object param)
    {
        await using var conn = new NpgsqlConnection(Fixture.Postgres.ConnectionString);
        await conn.ExecuteAsync(sql, param);
    }
}
