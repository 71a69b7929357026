using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Npgsql;

namespace Trygghet.Api.Infrastructure;

public sealed class MailOptions
{
    /// <summary>Sender of every message.</summary>
    public string From { get; set; } = "Trygghet Hägersten-Älvsjö <no-reply@trygghet.localhost>";

    /// <summary>Where messages are written as .eml files when no SMTP host is configured.</summary>
    public string PickupDirectory { get; set; } = ".data/mail";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUsername { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>Run the dispatcher in the background (tests run it by hand).</summary>
    public bool DispatcherEnabled { get; set; } = true;
    public int PollSeconds { get; set; } = 5;
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>A message as the outbox holds it.</summary>
public sealed record OutboxMessage(long Id, string Kind, string Recipient, string Subject, string Body, string? Calendar, int Attempts);

/// <summary>A message to queue, and the registration it is about (so that erasing that erases the message too).</summary>
/// <param name="KeepRecipient">False for an address given for this message alone: it is erased as soon as the message is
/// sent or given up, instead of after <see cref="RetentionOptions.SentMailDays"/>.</param>
/// <param name="ObservationId">The followed observation the message is about: erasing its reporter's address drops the message if unsent.</param>
public sealed record OutboxMail(string Kind, string Recipient, string Subject, string Body, string? Calendar, Guid? RegistrationId = null,
    bool KeepRecipient = true, Guid? ObservationId = null);

/// <summary>
/// The transactional outbox: a message is written in the transaction of the change it reports, so it exists
/// exactly when the change does; the dispatcher sends it later.
/// </summary>
public sealed class Outbox(DbSession db, TimeProvider clock)
{
    /// <summary>The one insert into the outbox. Positional parameters, so that it joins a batch without rewriting.</summary>
    private const string InsertSql = """
        insert into outbox (kind, recipient, subject, body, calendar, created_at, available_at, registration_id, keep_recipient, observation_id)
        values ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9)
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

public sealed class SmtpSender(MailOptions options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost ?? throw new InvalidOperationException("Mail__SmtpHost is not set."), options.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, ct);
        if (!string.IsNullOrEmpty(options.SmtpUsername)) await client.AuthenticateAsync(options.SmtpUsername, options.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// Sends what the outbox holds, oldest first, with exponential back-off on failure. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several API instances never send the same message. Once sent, the body is
/// cleared: it may carry a secret link, which the database keeps only hashed. A recipient not to be kept is erased
/// with it, once sent or on the last failed attempt.
/// </summary>
public sealed class OutboxDispatcher(NpgsqlDataSource dataSource, IMailSender sender, MailOptions options, TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var messages = (await Dapper.SqlMapper.QueryAsync<OutboxMessage>(conn, new Dapper.CommandDefinition("""
            select id, kind, recipient, subject, body, calendar, attempts from outbox
            where sent_at is null and available_at <= @now and attempts < @MaxAttempts
            order by id limit 20
            for update skip locked
            """, new { now, options.MaxAttempts }, tx, cancellationToken: ct))).ToList();
        foreach (var message in messages)
        {
            try
            {
                await sender.SendAsync(Mime(message), ct);
                await Dapper.SqlMapper.ExecuteAsync(conn, new Dapper.CommandDefinition("""
                    update outbox set sent_at = @now, attempts = attempts + 1, body = '', calendar = null, last_error = null,
                                      recipient = case when keep_recipient then recipient else '' end
                    where id = @Id
                    """, new { now, message.Id }, tx, cancellationToken: ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, message.Attempts)));
                var error = e.GetType().Name; // the type only: messages of mail libraries can quote addresses
                logger.LogWarning("Sending {Kind} message {Id} failed ({Error}); retrying in {Delay}", message.Kind, message.Id, error, delay);
                await Dapper.SqlMapper.ExecuteAsync(conn, new Dapper.CommandDefinition("""
                    update outbox set attempts = attempts + 1, available_at = @next, last_error = @error,
                                      recipient = case when keep_recipient or attempts + 1 < @MaxAttempts then recipient else '' end,
                                      body = case when keep_recipient or attempts + 1 < @MaxAttempts then body else '' end
                    where id = @Id
                    """, new { next = now + delay, error, message.Id, options.MaxAttempts }, tx, cancellationToken: ct));
            }
        }
        await tx.CommitAsync(ct);
        return messages.Count;
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

    private MimeMessage Mime(OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
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
