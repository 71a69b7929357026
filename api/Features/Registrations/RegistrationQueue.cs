using System.Buffers.Binary;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

/// <summary>
/// Places and the waitlist of an event. Every change of who holds a place runs under a transaction-scoped
/// advisory lock on the event: exclusive for cancellations, promotions, mode changes, capacity changes and
/// registrations near the limit; shared for registrations far below it, so that those run in parallel.
/// A registration under the shared lock is confirmed only while the confirmed count plus
/// <c>max_connections</c> (the most transactions that can be in flight at once) stays below the capacity,
/// so concurrent registrations that cannot see each other can never overbook (docs/decisions/0008).
/// </summary>
internal static class RegistrationQueue
{
    public static long LockKey(Guid eventId) => BinaryPrimitives.ReadInt64LittleEndian(eventId.ToByteArray()) ^ 0x7472_7967_6768_6574;

    public static string LockSql(bool exclusive) => exclusive
        ? "select 1 from pg_advisory_xact_lock(@Lock)"
        : "select 1 from pg_advisory_xact_lock_shared(@Lock)";

    public static async Task LockAsync(DbSession db, Guid eventId, CancellationToken ct) =>
        await db.QueryAsync<int>(LockSql(exclusive: true), new { Lock = LockKey(eventId) }, ct);

    public static bool Offers(EventRow row, RegistrationMode mode) => row.FormatValue switch
    {
        EventFormat.Hybrid => true,
        EventFormat.OnSite => mode == RegistrationMode.OnSite,
        _ => mode == RegistrationMode.Remote,
    };

    /// <summary>Places of a mode; null when unlimited.</summary>
    public static int? Capacity(EventRow row, RegistrationMode mode) =>
        mode == RegistrationMode.OnSite ? row.CapacityOnSite : row.CapacityRemote;

    /// <summary>Registration closes at the deadline, or at the start when there is none.</summary>
    public static DateTimeOffset Deadline(EventRow row) => row.RegistrationDeadline ?? row.StartsAt;

    public static RegistrationClosedReason? ClosedReason(EventRow row, DateTimeOffset now) => row.StatusAt(now) switch
    {
        EventStatus.Draft => RegistrationClosedReason.NotPublished,
        EventStatus.Cancelled => RegistrationClosedReason.Cancelled,
        EventStatus.Held or EventStatus.Closed => RegistrationClosedReason.Held,
        _ when now >= Deadline(row) => RegistrationClosedReason.DeadlinePassed,
        _ => null,
    };

    /// <summary>409 for the event's state, 422 for the rules; the problem names the reason.</summary>
    public static ProblemException Closed(RegistrationClosedReason reason)
    {
        ProblemException problem = reason is RegistrationClosedReason.DeadlinePassed or RegistrationClosedReason.ModeNotOffered
            ? new BusinessRuleException(RegistrationTexts.Closed(reason))
            : new ConflictException(RegistrationTexts.Closed(reason));
        problem.Extensions["reason"] = WireName.Of(reason);
        return problem;
    }

    public sealed record ModeCount(string Mode, int Confirmed, int Waitlisted, int Cancelled, int Attended);

    public const string CountsSql = """
        select mode,
               count(*) filter (where status = 'confirmed')::int as confirmed,
               count(*) filter (where status = 'waitlisted')::int as waitlisted,
               count(*) filter (where status = 'cancelled')::int as cancelled,
               count(*) filter (where status <> 'cancelled' and (checked_in_at is not null or joined_at is not null))::int as attended
        from registration where event_id = @EventId group by mode
        """;

    /// <summary>
    /// Adds to the running tally of an event and mode (the row of this server process's shard). Reads
    /// <c>@EventId</c>, <c>@Mode</c>, <c>@Confirmed</c> and <c>@Waitlisted</c>; as a CTE, select the deltas from the changed rows.
    /// </summary>
    public const string AdjustTallySql = """
        insert into registration_tally as t (event_id, mode, shard, confirmed, waitlisted)
        values (@EventId, @Mode, pg_backend_pid() % 64, @Confirmed, @Waitlisted)
        on conflict (event_id, mode, shard) do update
            set confirmed = t.confirmed + excluded.confirmed, waitlisted = t.waitlisted + excluded.waitlisted
        """;

    public static Task AdjustTallyAsync(DbSession db, Guid eventId, RegistrationMode mode, int confirmed, int waitlisted, CancellationToken ct) =>
        confirmed == 0 && waitlisted == 0
            ? Task.CompletedTask
            : db.ExecuteAsync(AdjustTallySql, new { EventId = eventId, Mode = WireName.Of(mode), Confirmed = confirmed, Waitlisted = waitlisted }, ct);

    /// <summary>What a registration in this status counts in the tally.</summary>
    public static (int Confirmed, int Waitlisted) Weight(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => (1, 0),
        RegistrationStatus.Waitlisted => (0, 1),
        _ => (0, 0),
    };

    /// <summary>Places taken and waiting per mode, from the running tally (constant time, however many registrations).</summary>
    public const string TallySql = """
        select mode, sum(confirmed)::int as confirmed, sum(waitlisted)::int as waitlisted, 0 as cancelled, 0 as attended
        from registration_tally where event_id = @EventId group by mode
        """;

    public static ModeCount For(IEnumerable<ModeCount> counts, RegistrationMode mode) =>
        counts.FirstOrDefault(c => c.Mode == WireName.Of(mode)) ?? new ModeCount(WireName.Of(mode), 0, 0, 0, 0);

    /// <summary>
    /// Fills free places from the waitlist, first come first served, and e-mails each promoted person. Call under
    /// the exclusive lock. Nobody is promoted once the event has started, been cancelled or ended.
    /// </summary>
    public static async Task PromoteAsync(DbSession db, Outbox outbox, EventRow row, SiteOptions site, RegistrationOptions options,
        DateTimeOffset now, CancellationToken ct)
    {
        if (row.StatusAt(now) is not (EventStatus.Published or EventStatus.Rescheduled) || now >= row.StartsAt) return;
        foreach (var mode in Enum.GetValues<RegistrationMode>())
        {
            var capacity = Capacity(row, mode);
            var promoted = await db.QueryAsync<(Guid Id, string? Email, string Language, string CheckInCode)>("""
                update registration r set status = 'confirmed', promoted_at = @now, updated_at = @now
                where r.id in (
                    select id from registration
                    where event_id = @EventId and mode = @Mode and status = 'waitlisted'
                    order by queue
                    limit greatest(0, coalesce(@capacity - (select coalesce(sum(confirmed), 0) from registration_tally
                        where event_id = @EventId and mode = @Mode), 2147483647)))
                returning r.id, r.email, r.language, r.check_in_code
                """, new { EventId = row.Id, Mode = WireName.Of(mode), capacity, now }, ct);
            await AdjustTallyAsync(db, row.Id, mode, promoted.Count, -promoted.Count, ct);
            foreach (var (id, email, language, code) in promoted)
            {
                if (email is null) continue;
                var (subject, body, calendar) = RegistrationMail.Compose(RegistrationMailKind.Promoted, row, mode, null, null, language, site, options, now, code);
                await outbox.EnqueueAsync("registration.promoted", email, subject, body, calendar, ct, id);
            }
        }
    }

    /// <summary>Tells every registrant (confirmed or waitlisted, with an e-mail address) that the event changed.</summary>
    public static async Task NotifyAllAsync(DbSession db, Outbox outbox, RegistrationMailKind kind, Guid eventId, SiteOptions site,
        RegistrationOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.LoadAsync(eventId, ct);
        var registrants = await db.QueryAsync<(Guid Id, string Email, string Mode, string Language)>("""
            select id, email, mode, language from registration
            where event_id = @eventId and status <> 'cancelled' and email is not null
            order by queue
            """, new { eventId }, ct);
        foreach (var (id, email, mode, language) in registrants)
        {
            var (subject, body, calendar) = RegistrationMail.Compose(kind, row, WireName.Parse<RegistrationMode>(mode), null, null, language, site, options, now);
            await outbox.EnqueueAsync($"registration.{WireName.Of(kind)}", email, subject, body, calendar, ct, id);
        }
    }
}
