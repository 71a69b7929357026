using Dapper;
using Npgsql;

namespace Trygghet.Api.Infrastructure;

/// <summary>How long personal data outside registrations is kept (registrations: <c>Registrations:RetentionDays</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>Days after a dialogue ends before its live-stream rows (question texts and display names as sent live) are deleted.</summary>
    public int StreamDays { get; set; } = 30;

    /// <summary>Days after a message was sent (or given up) before its recipient and subject are blanked.</summary>
    public int SentMailDays { get; set; } = 30;

    /// <summary>
    /// Days after an event ends before what moderators kept out of public view is erased: originals of redacted questions and
    /// observation descriptions, and the text and display name of questions never published (pending, rejected or hidden).
    /// </summary>
    public int ModerationDays { get; set; } = 90;

    /// <summary>
    /// Days after a resident's report ended (fixed, not our responsibility, duplicate or closed) before its personal data is
    /// erased: the reporter's e-mail address (with the e-mails about the report not yet sent) and the photo with its thumbnail.
    /// </summary>
    public int ReportDays { get; set; } = 90;
}

/// <summary>
/// Erases personal data that has served its purpose: the live stream's copies of questions once the dialogue is long over,
/// the addresses of sent e-mails, the texts moderators kept from the public, and the e-mail address and photo of a resident's
/// report once it has long been dealt with. Counts, statuses and published texts stay.
/// Each statement is bounded and idempotent, so several instances may run it at once.
/// </summary>
public sealed class PersonalDataRetention(NpgsqlDataSource dataSource, RetentionOptions options, MailOptions mail, TimeProvider clock) : IPeriodicJob
{
    /// <summary>What a never-published question's text becomes (the column keeps its 3–1,000 character rule).</summary>
    public const string ErasedText = "(raderad)";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            delete from question_stream_event s
            where s.event_id in (select id from event where ends_at <= @streamCutoff)
              and (s.event_id, s.audience, s.seq) in (
                  select event_id, audience, seq from question_stream_event
                  where event_id in (select id from event where ends_at <= @streamCutoff) limit 5000);

            update outbox set recipient = '', subject = '', body = '', calendar = null
            where id in (
                select id from outbox
                where recipient <> '' and ((sent_at is not null and sent_at <= @mailCutoff)
                                           or (sent_at is null and attempts >= @MaxAttempts and available_at <= @mailCutoff))
                limit 5000);

            update question q set original_text = null,
                   text = case when q.status in ('pending', 'rejected', 'hidden') then @ErasedText else q.text end,
                   display_name = case when q.status in ('pending', 'rejected', 'hidden') then null else q.display_name end,
                   flags = case when q.status in ('pending', 'rejected', 'hidden') then '[]'::jsonb else q.flags end
            from event e
            where e.id = q.event_id and e.ends_at <= @moderationCutoff
              and (q.original_text is not null or (q.status in ('pending', 'rejected', 'hidden') and q.text <> @ErasedText));

            update observation set original_description = null
            where original_description is not null and description_reviewed_at <= @moderationCutoff;

            with due as (
                select id from observation
                where reporter_kind = 'resident' and personal_data_erased_at is null
                  and status in ('fixed', 'notResponsible', 'duplicate', 'closed') and updated_at <= @reportCutoff
                limit 5000),
            photos as (delete from observation_photo where observation_id in (select id from due)),
            unsent as (delete from outbox where sent_at is null and observation_id in (select id from due))
            update observation set reporter_email = null, reporter_language = null, personal_data_erased_at = @now where id in (select id from due);
            """, new
        {
            now,
            reportCutoff = now.AddDays(-options.ReportDays),
            streamCutoff = now.AddDays(-options.StreamDays),
            mailCutoff = now.AddDays(-options.SentMailDays),
            moderationCutoff = now.AddDays(-options.ModerationDays),
            mail.MaxAttempts,
            ErasedText,
        }, cancellationToken: ct));
    }
}
