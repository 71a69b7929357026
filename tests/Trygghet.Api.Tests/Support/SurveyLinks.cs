using Dapper;
using Npgsql;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Tests.Support;

/// <summary>
/// Survey links for the contract sweeps, whose events are still to come: written as closing an event writes them (only
/// the token's hash is stored), so that the survey operations reach their handlers.
/// </summary>
public static class SurveyLinks
{
    /// <summary>A link for one of the event's registrations that takes an answer for a year.</summary>
    public static async Task<string> IssueAsync(this ApiFactory api, Guid eventId)
    {
        var token = new SecretTokens().New();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.ExecuteAsync("""
            insert into survey_invitation (id, registration_id, event_id, token_hash, version, sent_at, expires_at)
            select gen_random_uuid(), r.id, r.event_id, @Hash, '2026-1', @Now, @Now + interval '365 days'
            from registration r where r.event_id = @eventId
              and not exists (select from survey_invitation s where s.registration_id = r.id)
            order by r.queue limit 1
            """, new { eventId, Hash = SecretTokens.Hash(token), Now = api.Clock.GetUtcNow() });
        return token;
    }

    /// <summary>An answer whose free text waits for a moderator: what the moderation operations act on.</summary>
    public static async Task<Guid> PendingTextAsync(this ApiFactory api, Guid eventId)
    {
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.ExecuteAsync("""
            insert into survey_answer (id, event_id, version, safety, useful, come_again, priority, priority_status, answered_at)
            values (@id, @eventId, '2026-1', 3, 'partly', 'yes', 'Mer belysning vid tunnelbanan.', 'pending', @Now)
            """, new { id, eventId, Now = api.Clock.GetUtcNow() });
        return id;
    }
}
