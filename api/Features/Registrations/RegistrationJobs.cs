using Dapper;
using Npgsql;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

/// <summary>
/// Reminds confirmed participants a set time before the start (default 48 hours), once, with a second manage
/// link (the first is stored only hashed, so it cannot be sent again; both keep working). Queued in the outbox
/// in the same transaction; rows are claimed with SKIP LOCKED, so several instances never remind twice.
/// </summary>
public sealed class RegistrationReminders(NpgsqlDataSource dataSource, ISecretTokens tokens, SiteOptions site, RegistrationOptions options,
    TimeProvider clock) : IPeriodicJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var due = (await conn.QueryAsync<(Guid Id, Guid EventId, string Email, string Mode, string Language, string CheckInCode)>(new CommandDefinition("""
            select r.id, r.event_id, r.email, r.mode, r.language, r.check_in_code
            from registration r join event e on e.id = r.event_id
            where r.status = 'confirmed' and r.reminded_at is null and r.email is not null
              and e.status = 'published' and e.starts_at > @now and e.starts_at <= @until
            order by e.starts_at, r.queue
            limit 200
            for update of r skip locked
            """, new { now, until = now.AddHours(options.ReminderHoursBefore) }, tx, cancellationToken: ct))).ToList();
        var events = new Dictionary<Guid, EventRow>();
        foreach (var (id, eventId, email, mode, language, code) in due)
        {
            if (!events.TryGetValue(eventId, out var row))
                events[eventId] = row = await conn.QuerySingleAsync<EventRow>(new CommandDefinition(EventRow.Select + " where e.id = @eventId",
                    new { eventId }, tx, cancellationToken: ct));
            var token = tokens.New();
            var (subject, body, calendar) = RegistrationMail.Compose(RegistrationMailKind.Reminder, row, WireName.Parse<RegistrationMode>(mode), token, null,
                language, site, options, now, code);
            await conn.ExecuteAsync(new CommandDefinition("update registration set reminder_token_hash = @hash, reminded_at = @now where id = @id",
                new { hash = SecretTokens.Hash(token), now, id }, tx, cancellationToken: ct));
            await Outbox.EnqueueAsync(conn, tx, new OutboxMail("registration.reminder", email, subject, body, calendar, id), now, ct);
        }
        await tx.CommitAsync(ct);
    }
}

/// <summary>
/// Erases e-mail, name and accessibility needs of every registration a set time after its event ended (default
/// 30 days), with the messages about it; mode, status and attendance remain for the statistics. Also forgets
/// stored answers to idempotent requests after a day.
/// </summary>
public sealed class RegistrationRetention(NpgsqlDataSource dataSource, RegistrationOptions options, TimeProvider clock) : IPeriodicJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition($"""
            with due as (
                select r.id from registration r join event e on e.id = r.event_id
                where r.erased_at is null and e.ends_at <= @cutoff
                limit 1000),
            {ErasureSql}
            select count(*) from erased;
            delete from idempotency_key where created_at < @forgetBefore;
            """, new { now, cutoff = now.AddDays(-options.RetentionDays), forgetBefore = now - Idempotency.KeptFor }, cancellationToken: ct));
    }

    /// <summary>Erases the registrations in <c>due</c>: their personal data, unsent messages, and the address of sent ones.</summary>
    private const string ErasureSql = """
        erased as (
            update registration r set email = null, name = null, needs = null, erased_at = @now, updated_at = @now
            where r.id in (select id from due) and r.erased_at is null
            returning r.id),
        dropped as (
            delete from outbox where sent_at is null and registration_id in (select id from erased)),
        blanked as (
            update outbox set recipient = '', subject = '', body = '', calendar = null
            where sent_at is not null and registration_id in (select id from erased))
        """;

    public static Task EraseAsync(DbSession db, Guid[] ids, DateTimeOffset now, CancellationToken ct) =>
        db.ExecuteAsync($"with due as (select unnest(@ids) as id), {ErasureSql} select count(*) from erased", new { ids, now }, ct);
}
