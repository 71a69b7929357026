using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Features.Alerts.AlertStore;
using Mail = Trygghet.Api.Features.Alerts.AlertTexts.Mail;

namespace Trygghet.Api.Features.Alerts;

/// <summary>
/// Every message to a subscriber leaves through here: it closes with the manage link and carries the RFC 8058 one-click
/// unsubscribe address, both with a new secret (stored hashed, so a link cannot be sent again). The message is tied to the
/// subscription, so that unsubscribing drops it while unsent, and the outbox forgets the address once it is sent.
/// </summary>
public sealed class AlertMail(ISecretTokens tokens, SiteOptions site, AlertOptions options)
{
    /// <summary>The path of the one-click unsubscribe operation.</summary>
    public const string OneClickPath = "/api/v1/alerts/unsubscribe";

    private string Site => site.PublicUrl.TrimEnd('/');

    /// <summary>The confirmation of a new (or renewed, unconfirmed) subscription: nothing else is sent until it is used.</summary>
    internal async Task ConfirmationAsync(DbSession db, AlertSubscriptionRow row, DateTimeOffset now, CancellationToken ct)
    {
        var en = row.English;
        var (areas, frequency) = await DescribeAsync(db, row, ct);
        var token = await LinkAsync(db, row.Id, now, ct);
        var lines = new List<string>
        {
            In(Mail.Hello, en), "", In(Mail.Confirm, en, areas, frequency), $"{Site}/bevaka/bekrafta#{token}", "",
            In(Mail.NotYou, en, options.UnconfirmedDays),
        };
        await QueueAsync(db, row, In(Mail.ConfirmSubject, en, areas), lines, token, now, ct);
    }

    /// <summary>To an address that already has a subscription: what it follows and the link to manage it; nothing changes.</summary>
    internal async Task AlreadySubscribedAsync(DbSession db, AlertSubscriptionRow row, DateTimeOffset now, CancellationToken ct)
    {
        var en = row.English;
        var (areas, frequency) = await DescribeAsync(db, row, ct);
        var token = await LinkAsync(db, row.Id, now, ct);
        await QueueAsync(db, row, In(Mail.AlreadySubject, en), [In(Mail.Hello, en), "", In(Mail.Already, en, areas, frequency)], token, now, ct);
    }

    /// <summary>An alert or a digest: the lines given, then the manage link.</summary>
    internal async Task AlertAsync(DbSession db, AlertSubscriptionRow row, string subject, List<string> lines, DateTimeOffset now, CancellationToken ct) =>
        await QueueAsync(db, row, subject, lines, await LinkAsync(db, row.Id, now, ct), now, ct);

    private async Task<string> LinkAsync(DbSession db, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var token = tokens.New();
        await db.ExecuteAsync("insert into alert_link (token_hash, subscription_id, issued_at) values (@hash, @id, @now)",
            new { hash = SecretTokens.Hash(token), id, now }, ct);
        return token;
    }

    private async Task QueueAsync(DbSession db, AlertSubscriptionRow row, string subject, List<string> lines, string token, DateTimeOffset now,
        CancellationToken ct)
    {
        var en = row.English;
        // The manage link's secret goes after '#', out of every access log; the one-click address must carry it in the URL
        // itself (RFC 8058: the mail app POSTs to it with nothing else).
        lines.AddRange(["", In(Mail.Manage, en), $"{Site}/bevaka/hantera#{token}", In(Mail.Erasure, en), "", In(Mail.Regards, en), site.Organiser]);
        var mail = new OutboxMail("alert", row.Email, subject, string.Join('\n', lines), null, KeepRecipient: false, AlertSubscriptionId: row.Id,
            ListUnsubscribe: $"{Site}{OneClickPath}?token={token}");
        await Outbox.EnqueueAsync(await db.ConnectionAsync(ct), db.Transaction, mail, now, ct);
    }
}
