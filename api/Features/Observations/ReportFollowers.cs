using System.Globalization;
using Trygghet.Api.Infrastructure;
using Mail = Trygghet.Api.Features.Observations.ObservationTexts.FollowMail;

namespace Trygghet.Api.Features.Observations;

/// <summary>
/// E-mails the resident who gave an address with their report, the way FixMyStreet does: an acknowledgement, then one
/// e-mail for each change the public can see (status with its note, the responsible organisation, the held description
/// or photo published or removed). The mails are built from the observation as everyone sees it, so nothing that is not
/// public gets into them. Each carries the public page and a new stop-following link; they leave through the outbox in
/// the transaction of the change, tied to the observation so that erasing the address drops those not yet sent, and the
/// outbox forgets the address of each once it is sent.
/// </summary>
public sealed class ReportFollowers(DbSession db, Outbox outbox, ISecretTokens tokens, SiteOptions site, RetentionOptions retention, TimeProvider clock)
{
    /// <summary>The address and language of the reporter following an observation, if anyone does.</summary>
    /// <param name="Redacted">True when a moderator edited the description before publishing it.</param>
    private sealed record Follower(string Email, string Language, string CategoryNameEn, bool Redacted);

    /// <summary>Queues the acknowledgement of a new report (its address was stored with it).</summary>
    public async Task AcknowledgeAsync(Observation report, CancellationToken ct)
    {
        if (await FollowerAsync(report.Id, ct) is not { } follower) return;
        var en = follower.Language == "en";
        var lines = new List<string> { In(Mail.Hello, en), "", In(Mail.Acknowledged, en), "" };
        lines.AddRange(Facts(report, follower, en));
        lines.Add(In(Mail.StatusLine, en, In(ObservationTexts.Status(report.Status), en)));
        lines.Add("");
        lines.Add(In(report.DescriptionHeld ? Mail.PublicWithoutHeld : Mail.PublicNow, en));
        if (report.DescriptionHeld) lines.Add(In(Mail.DescriptionHeld, en));
        if (report.PhotoHeld) lines.Add(In(Mail.PhotoHeld, en));
        else if (report.DescriptionHeld) lines.Add(In(Mail.ReviewMail, en));
        lines.AddRange(["", In(Mail.SeeIt, en), PageLink(report.Id), "", In(Mail.Following, en)]);
        await QueueAsync(report, follower, In(Mail.AcknowledgedSubject, en, report.Number), lines, ct);
    }

    /// <summary>Queues an e-mail about what changed between two public views of an observation; nothing when nothing public did.</summary>
    public async Task TellAsync(Observation before, Observation after, CancellationToken ct)
    {
        if (await FollowerAsync(after.Id, ct) is not { } follower) return;
        var changes = new List<Func<bool, IEnumerable<string>>>();
        var note = after.History.Skip(before.History.Count).LastOrDefault(h => h.Note is not null)?.Note;
        if (after.Status != before.Status || note is not null)
            changes.Add(e => note is null
                ? [In(Mail.NewStatus, e, In(ObservationTexts.Status(after.Status), e))]
                : [In(Mail.NewStatus, e, In(ObservationTexts.Status(after.Status), e)), In(Mail.Note, e, note)]);
        if (after.Responsible is not null && (after.Responsible != before.Responsible || after.Deadline != before.Deadline))
            changes.Add(e => after.Deadline is { } deadline
                    ? [In(Mail.Responsible, e, after.Responsible), In(Mail.Deadline, e, deadline.ToString("d MMMM yyyy", Culture(e)))]
                    : [In(Mail.Responsible, e, after.Responsible)]);
        if (before.DescriptionHeld && !after.DescriptionHeld)
            changes.Add(e => [In(follower.Redacted ? Mail.DescriptionEdited : Mail.DescriptionPublished, e)]);
        else if (before.Description is not null && after.Description is not null && before.Description != after.Description)
            changes.Add(e => [In(Mail.DescriptionEdited, e)]);
        if (before.PhotoHeld && after.Photo is not null) changes.Add(e => [In(Mail.PhotoPublished, e)]);
        else if (before.PhotoHeld && !after.PhotoHeld) changes.Add(e => [In(Mail.PhotoRejected, e)]);
        else if (before.Photo is not null && after.Photo is null) changes.Add(e => [In(Mail.PhotoRemoved, e)]);
        if (changes.Count == 0) return;

        var en = follower.Language == "en";
        var category = en ? follower.CategoryNameEn : after.CategoryName;
        var lines = new List<string> { In(Mail.Hello, en), "", In(Mail.Updated, en, after.Number, category, after.Area.Name), "" };
        foreach (var change in changes) lines.AddRange(change(en));
        if (after.Status == before.Status) lines.Add(In(Mail.StatusLine, en, In(ObservationTexts.Status(after.Status), en)));
        lines.AddRange(["", In(Mail.SeeIt, en), PageLink(after.Id)]);
        await QueueAsync(after, follower, In(Mail.UpdatedSubject, en, after.Number, In(ObservationTexts.Status(after.Status), en)), lines, ct);
    }

    private IEnumerable<string> Facts(Observation report, Follower follower, bool en)
    {
        var point = string.Create(CultureInfo.InvariantCulture, $"{report.Lat:0.00000}, {report.Lon:0.00000}");
        yield return In(Mail.Number, en, report.Number);
        yield return In(Mail.Category, en, en ? follower.CategoryNameEn : report.CategoryName);
        yield return In(Mail.Where, en, report.Area.Name, point);
        yield return In(Mail.Reported, en, Time.Local(report.ReportedAt).ToString(en ? "d MMMM yyyy 'at' HH:mm" : "d MMMM yyyy 'kl.' HH:mm", Culture(en)));
    }

    /// <summary>Closes the mail with the stop-following link (a new secret, stored hashed) and queues it, tied to the observation.</summary>
    private async Task QueueAsync(Observation observation, Follower follower, string subject, List<string> lines, CancellationToken ct)
    {
        var en = follower.Language == "en";
        var token = tokens.New();
        await db.ExecuteAsync("insert into observation_follow_link (token_hash, observation_id, issued_at) values (@Hash, @Id, @now)",
            new { Hash = SecretTokens.Hash(token), observation.Id, now = clock.GetUtcNow() }, ct);
        // The secret goes after '#': browsers never send the fragment to a server, so it stays out of every access log.
        lines.AddRange(["", In(Mail.Stop, en), $"{site.PublicUrl.TrimEnd('/')}/iakttagelser/sluta-folja#{token}",
            In(Mail.Erased, en, retention.ReportDays), "", In(Mail.Regards, en), site.Organiser]);
        await outbox.EnqueueAsync(new OutboxMail("observation.follow", follower.Email, subject, string.Join('\n', lines), null,
            KeepRecipient: false, ObservationId: observation.Id), ct);
    }

    private Task<Follower?> FollowerAsync(Guid id, CancellationToken ct) => db.QuerySingleOrDefaultAsync<Follower>("""
        select o.reporter_email as email, coalesce(o.reporter_language, 'sv') as language, c.name_en as category_name_en,
               o.original_description is not null as redacted
        from observation o join observation_category c on c.code = o.category
        where o.id = @id and o.reporter_email is not null and o.personal_data_erased_at is null
        """, new { id }, ct);

    private string PageLink(Guid id) => $"{site.PublicUrl.TrimEnd('/')}/iakttagelser/{id}";

    private static CultureInfo Culture(bool en) => CultureInfo.GetCultureInfo(en ? "en-GB" : "sv-SE");

    private static string In(Text text, bool en, params object[] args)
    {
        var template = en ? text.En : text.Sv;
        return args.Length == 0 ? template : string.Format(Culture(en), template, args);
    }
}
