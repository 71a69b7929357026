using Dapper;
using Npgsql;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>The invitation e-mail to an actor, with its RSVP link and the event as an iCalendar attachment.</summary>
internal static class InvitationMail
{
    public static (string Subject, string Body, string Calendar) Compose(EventRow row, string organisation, string token, SiteOptions site,
        DateTimeOffset now, bool reminder)
    {
        var e = PublicEvents.ToPublic(row, [], now);
        var kind = e.Kind == EventKind.Walk ? "trygghetsvandring" : "trygghetsdialog";
        var when = Time.Local(row.StartsAt).ToString("dddd d MMMM yyyy 'kl.' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));
        // The secret goes after '#': browsers never send the fragment to a server, so it stays out of every access log.
        var link = $"{site.PublicUrl.TrimEnd('/')}/svar#{token}";
        var subject = $"{(reminder ? "Påminnelse: " : "")}Inbjudan till {kind}: {e.Title}";
        var body = $"""
            Hej {organisation},

            {site.Organiser} bjuder in er till en {kind} i {row.AreaName}: {e.Title}
            När: {when}
            Var: {(e.Format == EventFormat.Remote ? "på distans" : string.Join(", ", new[] { e.Venue?.Name, e.Venue?.Address }.Where(s => !string.IsNullOrWhiteSpace(s))))}

            {e.Problem}

            Svara om ni kommer, och vem som kommer, via länken nedan. Länken är personlig för er organisation.
            {link}
            {(reminder ? "\nDetta är en påminnelse: vi har inte fått något svar. Tidigare länkar gäller inte längre.\n" : "")}
            Med vänlig hälsning
            {site.Organiser}
            """;
        return (subject, body, Syndication.ToICalendar([e], site, e.Title));
    }
}

public sealed class InvitationOptions
{
    /// <summary>Days after the invitation when an unanswered actor gets one reminder.</summary>
    public int ReminderAfterDays { get; set; } = 7;
}

/// <summary>
/// Reminds actors who have not answered: once per invitation, with a fresh link (only hashes are stored, so the
/// first link cannot be sent again), queued in the outbox in the same transaction.
/// </summary>
public sealed class InvitationReminders(NpgsqlDataSource dataSource, ISecretTokens tokens, SiteOptions site, InvitationOptions options,
    TimeProvider clock) : IPeriodicJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var due = (await conn.QueryAsync<(Guid InvitationId, Guid EventId, string Organisation, string Email)>(new CommandDefinition("""
            select i.id, i.event_id, a.organisation, a.contact_email
            from invitation i join actor a on a.id = i.actor_id join event e on e.id = i.event_id
            where i.status = 'pending' and i.reminded_at is null and i.invited_at <= @due
              and e.status in ('draft', 'published') and e.starts_at > @now and a.contact_email is not null
            order by i.invited_at
            limit 50
            for update of i skip locked
            """, new { due = now.AddDays(-options.ReminderAfterDays), now }, tx, cancellationToken: ct))).ToList();
        foreach (var (invitationId, eventId, organisation, email) in due)
        {
            var row = await conn.QuerySingleAsync<EventRow>(new CommandDefinition(EventRow.Select + " where e.id = @eventId", new { eventId }, tx, cancellationToken: ct));
            var token = tokens.New();
            var (subject, body, calendar) = InvitationMail.Compose(row, organisation, token, site, now, reminder: true);
            await conn.ExecuteAsync(new CommandDefinition("""
                update invitation set token_hash = @hash, reminded_at = @now where id = @invitationId;
                insert into outbox (kind, recipient, subject, body, calendar, created_at, available_at)
                values ('invitation.reminder', @email, @subject, @body, @calendar, @now, @now);
                """, new { hash = SecretTokens.Hash(token), now, invitationId, email, subject, body, calendar }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }
}
