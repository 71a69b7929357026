using System.Collections.Concurrent;
using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Npgsql;

namespace Trygghet.Api.Infrastructure;

public sealed class MailOptions
{
    /// <summary>Sender of every message; its domain is also the right-hand side of every Message-ID.</summary>
    public string From { get; set; } = "Trygghet Hägersten-Älvsjö <no-reply@trygghet.localhost>";

    /// <summary>Where messages are written as .eml files when no SMTP host is configured.</summary>
    public string PickupDirectory { get; set; } = ".data/mail";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUsername { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>
    /// Messages sent at once: persistent SMTP connections in the pool (or .eml files written at once without a host).
    /// At most this many messages are in flight, so at most this many can be sent twice after a crash.
    /// </summary>
    public int SmtpConnections { get; set; } = 4;

    /// <summary>Seconds one SMTP command may take before the connection is dropped and the message retried later.</summary>
    public int SmtpTimeoutSeconds { get; set; } = 30;

    /// <summary>Messages claimed from the outbox at a time (one short transaction per batch).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Seconds a claim holds its messages from other instances. A claim left by a crashed instance is taken over after
    /// this; a message is only started while its claim has at least <see cref="SmtpTimeoutSeconds"/> left.
    /// </summary>
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>Run the dispatcher in the background (tests run it by hand).</summary>
    public bool DispatcherEnabled { get; set; } = true;
    public int PollSeconds { get; set; } = 5;
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>A message as the outbox holds it.</summary>
/// <param name="MessageId">The unique part of the Message-ID: the same every time the row is sent.</param>
/// <param name="ListUnsubscribe">The RFC 8058 one-click unsubscribe address of a message to a subscriber.</param>
public sealed record OutboxMessage(long Id, string Kind, string Recipient, string Subject, string Body, string? Calendar, int Attempts,
    Guid? MessageId, string? ListUnsubscribe);

/// <summary>A message to queue, and the registration it is about (so that erasing that erases the message too).</summary>
/// <param name="KeepRecipient">False for an address given for this message alone: it is erased as soon as the message is
/// sent or given up, instead of after <see cref="RetentionOptions.SentMailDays"/>.</param>
/// <param name="ObservationId">The followed observation the message is about: erasing its reporter's address drops the message if unsent.</param>
/// <param name="AlertSubscriptionId">The alert subscription the message goes to: unsubscribing drops the message if unsent.</param>
/// <param name="ListUnsubscribe">The one-click unsubscribe address (RFC 8058) sent in the List-Unsubscribe header.</param>
public sealed record OutboxMail(string Kind, string Recipient, string Subject, string Body, string? Calendar, Guid? RegistrationId = null,
    bool KeepRecipient = true, Guid? ObservationId = null, Guid? AlertSubscriptionId = null, string? ListUnsubscribe = null);

/// <summary>
/// The transactional outbox: a message is written in the transaction of the change it reports, so it exists
/// exactly when the change does; the dispatcher sends it later.
/// </summary>
public sealed class Outbox(DbSession db, TimeProvider clock)
{
    /// <summary>The one insert into the outbox. Positional parameters, so that it joins a batch without rewriting.</summary>
    private const string InsertSql = """
        insert into outbox (kind, recipient, subject, body, calendar, created_at, available_at, registration_id, keep_recipient, observation_id,
                            alert_subscription_id, list_unsubscribe)
        values ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11)
        """;

    /// <summary>The insert as a statement of a batch, for a handler that sends several statements in one round trip.</summary>
    public static NpgsqlBatchCommand Insert(OutboxMail mail, DateTimeOffset now) => new(InsertSql)
    {
        Parameters =
        {
            new NpgsqlParameter<string>("", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = mail.Kind },
            new NpgsqlParameter<string>("", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = mail.Recipient },
            new NpgsqlParameter<string>("", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = mail.Subject },
            new NpgsqlParameter<string>("", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = mail.Body },
            new NpgsqlParameter("", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)mail.Calendar ?? DBNull.Value },
            new NpgsqlParameter<DateTimeOffset>("", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = now },
            new NpgsqlParameter("", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)mail.RegistrationId ?? DBNull.Value },
            new NpgsqlParameter<bool>("", NpgsqlTypes.NpgsqlDbType.Boolean) { TypedValue = mail.KeepRecipient },
            new NpgsqlParameter("", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)mail.ObservationId ?? DBNull.Value },
            new NpgsqlParameter("", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)mail.AlertSubscriptionId ?? DBNull.Value },
            new NpgsqlParameter("", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)mail.ListUnsubscribe ?? DBNull.Value },
        },
    };

    /// <summary>Queues a message on a connection and transaction the caller owns.</summary>
    public static async Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, OutboxMail mail, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Insert(mail, now) } };
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Queues a message in the transaction of the request.</summary>
    public async Task EnqueueAsync(OutboxMail mail, CancellationToken ct) =>
        await EnqueueAsync(await db.ConnectionAsync(ct), db.Transaction, mail, clock.GetUtcNow(), ct);

    /// <param name="registrationId">The registration the message is about, so that erasing it erases the message too.</param>
    public Task EnqueueAsync(string kind, string recipient, string subject, string body, string? calendar, CancellationToken ct,
        Guid? registrationId = null) =>
        EnqueueAsync(new OutboxMail(kind, recipient, subject, body, calendar, registrationId), ct);
}

public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Local delivery: each message becomes a real MIME file (<c>.eml</c>) in the pickup directory.</summary>
public sealed class PickupDirectorySender(MailOptions options, IHostEnvironment environment) : IMailSender
{
    public string Directory => Path.GetFullPath(options.PickupDirectory, environment.ContentRootPath);

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, ct);
        File.Move(temporary, path); // readers never see half a message
    }
}

/// <summary>
/// SMTP delivery over a pool of persistent connections (<see cref="MailOptions.SmtpConnections"/>): each message
/// borrows one, opening it when needed. A connection that fails is closed and replaced by a fresh one for the next
/// message; one idle for a while is checked with NOOP first, since servers close idle sessions.
/// </summary>
public sealed class SmtpSender(MailOptions options) : IMailSender, IAsyncDisposable
{
    private static readonly TimeSpan CheckAfterIdle = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim slots = new(Math.Max(1, options.SmtpConnections));
    private readonly ConcurrentBag<Connection> idle = [];

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        Connection? connection = null;
        try
        {
            connection = idle.TryTake(out var pooled) ? pooled : new Connection(options);
            await connection.SendAsync(message, ct);
            idle.Add(connection);
            connection = null;
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync(); // failed: its session state is unknown
            slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var connection)) await connection.DisposeAsync();
        slots.Dispose();
    }

    private sealed class Connection(MailOptions options) : IAsyncDisposable
    {
        private readonly SmtpClient client = new() { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, options.SmtpTimeoutSeconds)).TotalMilliseconds };
        private long lastUsed = Stopwatch.GetTimestamp();

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            if (client.IsConnected && Stopwatch.GetElapsedTime(lastUsed) > CheckAfterIdle)
            {
                try
                {
                    await client.NoOpAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await client.DisconnectAsync(false, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
            if (!client.IsConnected)
            {
                await client.ConnectAsync(options.SmtpHost ?? throw new InvalidOperationException("Mail__SmtpHost is not set."), options.SmtpPort,
                    SecureSocketOptions.StartTlsWhenAvailable, ct);
                if (!string.IsNullOrEmpty(options.SmtpUsername)) await client.AuthenticateAsync(options.SmtpUsername, options.SmtpPassword ?? "", ct);
            }
            await client.SendAsync(message, ct);
            lastUsed = Stopwatch.GetTimestamp();
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(true, quit.Token);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // closing a broken session: nothing more to do
            }
            client.Dispose();
        }
    }
}

/// <summary>
/// Sends what the outbox holds, oldest first, concurrently (<see cref="MailOptions.SmtpConnections"/> at once), with
/// exponential back-off on failure. Rows are claimed in batches by a lease (<c>claimed_until</c>, on the database's clock)
/// set in a short committed transaction with <c>FOR UPDATE SKIP LOCKED</c>, so several API instances never send the same
/// message; each message's <c>sent_at</c> is committed as soon as the mail server took it, so a crash (even
/// <c>kill -9</c>) sends again only the messages in flight, at most one per connection, once the lease has expired.
/// Every message carries the Message-ID of its row, the same when it is sent again, so a receiver can drop the repeat.
/// Once sent, the body is cleared: it may carry a secret link, which the database keeps only hashed. A recipient not to
/// be kept is erased with it, once sent or on the last failed attempt.
/// </summary>
public sealed class OutboxDispatcher(NpgsqlDataSource dataSource, IMailSender sender, MailOptions options, TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly string messageIdDomain = MessageIdDomain(options.From);

    private int Workers => Math.Clamp(options.SmtpConnections, 1, 64);
    private int BatchSize => Math.Clamp(options.BatchSize, 1, 10_000);
    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(2, options.ClaimSeconds));

    /// <summary>The longest one message may take: none is started with less than this left of its claim.</summary>
    private TimeSpan LongestSend => TimeSpan.FromSeconds(Math.Min(Math.Max(1, options.SmtpTimeoutSeconds), Lease.TotalSeconds / 2));

    /// <summary>Sends every message due now, batch after batch; returns how many were attempted (sent or failed).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var attempted = 0;
        while (true)
        {
            // Measured from before the claim, on this process's monotonic clock: a safe bound on the lease, whatever the
            // wall clocks of this instance and the database say.
            var claimedAt = Stopwatch.GetTimestamp();
            var batch = await ClaimAsync(ct);
            if (batch.Count == 0) return attempted;
            attempted += await SendAsync(batch, claimedAt, ct);
            if (batch.Count < BatchSize) return attempted;
        }
    }

    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await Dapper.SqlMapper.QueryAsync<OutboxMessage>(conn, new Dapper.CommandDefinition("""
            with due as (
                select id from outbox
                where sent_at is null and available_at <= @now and attempts < @MaxAttempts
                  and (claimed_until is null or claimed_until <= clock_timestamp())
                order by id limit @BatchSize
                for update skip locked)
            update outbox o set claimed_until = clock_timestamp() + make_interval(secs => @leaseSeconds)
            from due where o.id = due.id
            returning o.id, o.kind, o.recipient, o.subject, o.body, o.calendar, o.attempts, o.message_id, o.list_unsubscribe
            """, new { now = clock.GetUtcNow(), options.MaxAttempts, BatchSize, leaseSeconds = Lease.TotalSeconds }, cancellationToken: ct)))
            .OrderBy(m => m.Id).ToList();
    }

    /// <summary>Sends a claimed batch over <see cref="Workers"/> workers, each committing every message's outcome at once.</summary>
    private async Task<int> SendAsync(List<OutboxMessage> batch, long claimedAt, CancellationToken ct)
    {
        var queue = new ConcurrentQueue<OutboxMessage>(batch);
        var released = new ConcurrentBag<long>();
        // A database failure stops every worker before its next message: what it sent could not be recorded, and more
        // would only be sent again.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            var counts = await Task.WhenAll(Enumerable.Range(0, Math.Min(Workers, batch.Count)).Select(_ => WorkAsync(queue, released, claimedAt, stop, ct)));
            return counts.Sum();
        }
        finally
        {
            foreach (var message in queue) released.Add(message.Id);
            await ReleaseAsync(released);
        }
    }

    private async Task<int> WorkAsync(ConcurrentQueue<OutboxMessage> queue, ConcurrentBag<long> released, long claimedAt,
        CancellationTokenSource stop, CancellationToken ct)
    {
        var attempted = 0;
        try
        {
            await using var conn = await dataSource.OpenConnectionAsync(stop.Token);
            while (!stop.IsCancellationRequested && queue.TryDequeue(out var message))
            {
                var left = Lease - Stopwatch.GetElapsedTime(claimedAt);
                if (left < LongestSend)
                {
                    released.Add(message.Id); // too little of the claim left to be sure no other instance takes it meanwhile
                    continue;
                }
                var now = clock.GetUtcNow();
                Exception? failure = null;
                try
                {
                    // Never past the claim (less a second to record the outcome), however slowly a server answers.
                    using var withinClaim = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    withinClaim.CancelAfter(left > TimeSpan.FromSeconds(2) ? left - TimeSpan.FromSeconds(1) : left / 2);
                    await sender.SendAsync(Mime(message), withinClaim.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failure = e;
                }
                if (failure is null) await MarkSentAsync(conn, message, now);
                else await MarkFailedAsync(conn, message, failure, now);
                attempted++;
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        return attempted;
    }

    /// <summary>
    /// Recorded at once in a transaction of its own, without the caller's token: the mail server has the message, so
    /// the record must follow. The commit does not wait for the disk (<c>synchronous_commit = off</c> for this
    /// transaction alone): the record survives the crash of any API instance at once, and only a crash of the database
    /// server itself within a fraction of a second could lose it, which sends those messages again with the same
    /// Message-ID.
    /// </summary>
    private static async Task MarkSentAsync(NpgsqlConnection conn, OutboxMessage message, DateTimeOffset now)
    {
        // One round trip: the transaction, its setting, the update and the commit go in one pipeline.
        await using var batch = new NpgsqlBatch(conn)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("begin"),
                new NpgsqlBatchCommand("set local synchronous_commit = off"),
                new NpgsqlBatchCommand("""
                    update outbox set sent_at = $1, attempts = attempts + 1, body = '', calendar = null, list_unsubscribe = null, last_error = null, claimed_until = null,
                                      recipient = case when keep_recipient then recipient else '' end
                    where id = $2
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<DateTimeOffset>("", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = now },
                        new NpgsqlParameter<long>("", NpgsqlTypes.NpgsqlDbType.Bigint) { TypedValue = message.Id },
                    },
                },
                new NpgsqlBatchCommand("commit"),
            },
        };
        try
        {
            await batch.ExecuteNonQueryAsync();
        }
        catch (PostgresException)
        {
            // The transaction failed inside the pipeline: end it before the connection is used again.
            await using var rollback = new NpgsqlCommand("rollback", conn);
            await rollback.ExecuteNonQueryAsync();
            throw;
        }
    }

    private Task<int> MarkFailedAsync(NpgsqlConnection conn, OutboxMessage message, Exception failure, DateTimeOffset now)
    {
        var delay = TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, message.Attempts)));
        var error = failure.GetType().Name; // the type only: messages of mail libraries can quote addresses
        logger.LogWarning("Sending {Kind} message {Id} failed ({Error}); retrying in {Delay}", message.Kind, message.Id, error, delay);
        return Dapper.SqlMapper.ExecuteAsync(conn, new Dapper.CommandDefinition("""
            update outbox set attempts = attempts + 1, available_at = @next, last_error = @error, claimed_until = null,
                              recipient = case when keep_recipient or attempts + 1 < @MaxAttempts then recipient else '' end,
                              body = case when keep_recipient or attempts + 1 < @MaxAttempts then body else '' end,
                              list_unsubscribe = case when attempts + 1 < @MaxAttempts then list_unsubscribe end
            where id = @Id
            """, new { next = now + delay, error, message.Id, options.MaxAttempts }));
    }

    /// <summary>Gives claimed messages that were not attempted back at once; if that fails, their claims expire.</summary>
    private async Task ReleaseAsync(ConcurrentBag<long> released)
    {
        if (released.IsEmpty) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await using var conn = await dataSource.OpenConnectionAsync(timeout.Token);
            await Dapper.SqlMapper.ExecuteAsync(conn, new Dapper.CommandDefinition(
                "update outbox set claimed_until = null where id = any(@ids) and sent_at is null",
                new { ids = released.ToArray() }, cancellationToken: timeout.Token));
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            logger.LogWarning("Releasing {Count} claimed messages failed ({Error}); their claims expire", released.Count, e.GetType().Name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.DispatcherEnabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var error = e.GetType().Name;
                logger.LogWarning("Outbox dispatch failed: {Error}", error);
            }
            await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>The domain of the sender's address: Message-IDs are then unique to this service's own domain.</summary>
    private static string MessageIdDomain(string from) =>
        MailboxAddress.TryParse(from, out var address) && address.Domain is { Length: > 0 } domain ? domain : "trygghet.localhost";

    private MimeMessage Mime(OutboxMessage message)
    {
        var mime = new MimeMessage();
        if (message.MessageId is { } id) mime.MessageId = $"{id:D}@{messageIdDomain}";
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
        if (message.ListUnsubscribe is not null)
        {
            // RFC 8058: mail apps offer one-click unsubscribing, a POST to this address with List-Unsubscribe=One-Click.
            mime.Headers.Add("List-Unsubscribe", $"<{message.ListUnsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new BodyBuilder { TextBody = message.Body, HtmlBody = Html(message.Body) };
        if (message.Calendar is not null)
        {
            var ics = body.Attachments.Add("evenemang.ics", System.Text.Encoding.UTF8.GetBytes(message.Calendar), new ContentType("text", "calendar"));
            ics.ContentType.Parameters.Add("method", "PUBLISH");
            ics.ContentType.Charset = "utf-8";
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }

    /// <summary>
    /// The HTML part beside the text: the same words, paragraph by paragraph, with web addresses as links. Mail apps that
    /// show HTML first then show exactly what the text says, the check-in code included.
    /// </summary>
    internal static string Html(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => "<p>" + string.Join("<br>\n", p.Split('\n').Select(Line)) + "</p>");
        return $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif;line-height:1.5\">\n{string.Join("\n", paragraphs)}\n</body></html>";

        static string Line(string line)
        {
            var encoded = System.Net.WebUtility.HtmlEncode(line);
            return Uri.TryCreate(line.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? $"<a href=\"{encoded.Trim()}\">{encoded.Trim()}</a>"
                : encoded;
        }
    }
}
