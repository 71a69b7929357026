using System.Globalization;
using Npgsql;
using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Features.Alerts.AlertStore;
using Mail = Trygghet.Api.Features.Alerts.AlertTexts.Mail;

namespace Trygghet.Api.Features.Alerts;

/// <summary>
/// The periodic work of alerts, in one transaction per round: erase subscriptions left unconfirmed, queue one e-mail per alert
/// for immediate subscribers, and one digest per recipient for weekly subscribers whose week is over. What was queued for
/// whom is recorded in <c>alert_delivery</c> in the same transaction as the message, so each alert reaches each subscription
/// exactly once. A subscription hears only of what happened after it was confirmed, in its areas (a dialogue for the whole
/// district concerns every neighbourhood). Instances take turns (an advisory lock), and each round is bounded.
/// </summary>
public sealed class AlertDispatch(NpgsqlDataSource dataSource, AlertMail mail, AlertOptions options, SiteOptions site, TimeProvider clock) : IPeriodicJob
{
    private const int MaxAlertsPerRound = 500;
    private const int MaxDigestsPerRound = 200;
    private static readonly TimeSpan DigestWeek = TimeSpan.FromDays(7);

    /// <summary>Whether a subscription <c>s</c> follows the area of an alert <c>e</c>.</summary>
    private const string Follows = """
        (s.whole_district or exists (
            select 1 from alert_subscription_area sa join area a on a.id = sa.area_id
            where sa.subscription_id = s.id and (sa.area_id = e.area_id or a.parent_id = e.area_id)))
        and e.occurred_at >= s.confirmed_at
        and not exists (select 1 from alert_delivery d where d.subscription_id = s.id and d.alert_event_id = e.id)
        """;

    private sealed record Alert(long Id, string Kind, string? Status, string AreaName, string? EventKind, string? Slug, string Title,
        DateTimeOffset? StartsAt, string? Place, string? CancelReason, Guid? MeasureId);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = new DbSession(dataSource);
        await db.BeginAsync(ct);
        await db.ExecuteAsync("select pg_advisory_xact_lock(hashtext('trygghet.alerts'))", null, ct);

        await db.ExecuteAsync("""
            with erased as (delete from alert_subscription where confirmed_at is null and created_at <= @cutoff returning id)
            delete from outbox where sent_at is null and alert_subscription_id in (select id from erased)
            """, new { cutoff = now.AddDays(-options.UnconfirmedDays) }, ct);

        var pairs = await db.QueryAsync<(Guid SubscriptionId, long AlertId)>($"""
            select s.id, e.id from alert_event e join alert_subscription s on s.confirmed_at is not null and s.frequency = 'immediate'
            where {Follows}
            order by e.id, s.id limit {MaxAlertsPerRound}
            """, null, ct);
        if (pairs.Count > 0)
        {
            var alerts = await AlertsAsync(db, [.. pairs.Select(p => p.AlertId).Distinct()], ct);
            var subscribers = await SubscriptionsAsync(db, [.. pairs.Select(p => p.SubscriptionId).Distinct()], ct);
            foreach (var (subscriptionId, alertId) in pairs)
            {
                var row = subscribers[subscriptionId];
                var alert = alerts[alertId];
                var lines = new List<string> { In(Mail.Hello, row.English), "" };
                lines.AddRange(Describe(alert, row.English));
                await mail.AlertAsync(db, row, Headline(alert, row.English), lines, now, ct);
            }
            await RecordAsync(db, [.. pairs.Select(p => p.SubscriptionId)], [.. pairs.Select(p => p.AlertId)], now, ct);
        }

        var due = await db.QueryAsync<Guid>($"""
            select id from alert_subscription
            where confirmed_at is not null and frequency = 'weekly' and digest_from <= @weekAgo
            order by digest_from limit {MaxDigestsPerRound}
            """, new { weekAgo = now - DigestWeek }, ct);
        if (due.Count > 0)
        {
            var subscribers = await SubscriptionsAsync(db, [.. due], ct);
            var digestPairs = await db.QueryAsync<(Guid SubscriptionId, long AlertId)>($"""
                select s.id, e.id from alert_event e join alert_subscription s on s.id = any(@due)
                where {Follows} and e.occurred_at <= @now
                order by s.id, e.id
                """, new { due = due.ToArray(), now }, ct);
            var alerts = await AlertsAsync(db, [.. digestPairs.Select(p => p.AlertId).Distinct()], ct);
            foreach (var group in digestPairs.GroupBy(p => p.SubscriptionId))
            {
                var row = subscribers[group.Key];
                var en = row.English;
                var lines = new List<string> { In(Mail.Hello, en), "", In(Mail.DigestIntro, en) };
                foreach (var (_, alertId) in group)
                {
                    lines.Add("");
                    lines.Add(Headline(alerts[alertId], en));
                    lines.AddRange(Describe(alerts[alertId], en).Skip(1));
                }
                await mail.AlertAsync(db, row, In(Mail.DigestSubject, en, group.Count()), lines, now, ct);
            }
            await RecordAsync(db, [.. digestPairs.Select(p => p.SubscriptionId)], [.. digestPairs.Select(p => p.AlertId)], now, ct);
            // A week without news sends nothing; the next week starts now either way.
            await db.ExecuteAsync("update alert_subscription set digest_from = @now where id = any(@due)", new { now, due = due.ToArray() }, ct);
        }
        await db.CommitAsync(ct);
    }

    private static Task<int> RecordAsync(DbSession db, Guid[] subscriptions, long[] alerts, DateTimeOffset now, CancellationToken ct) => db.ExecuteAsync("""
        insert into alert_delivery (subscription_id, alert_event_id, queued_at) select s, a, @now from unnest(@subscriptions, @alerts) as d(s, a)
        """, new { subscriptions, alerts, now }, ct);

    private static async Task<Dictionary<Guid, AlertSubscriptionRow>> SubscriptionsAsync(DbSession db, Guid[] ids, CancellationToken ct) =>
        (await db.QueryAsync<AlertSubscriptionRow>(
            "select id, email, language, frequency, whole_district, confirmed_at from alert_subscription where id = any(@ids)", new { ids }, ct))
        .ToDictionary(s => s.Id);

    /// <summary>The alerts as the public sees them now: titles, times and places of published events and measures.</summary>
    private static async Task<Dictionary<long, Alert>> AlertsAsync(DbSession db, long[] ids, CancellationToken ct) =>
        (await db.QueryAsync<Alert>("""
            select ae.id, ae.kind, ae.status, ar.name as area_name, e.kind as event_kind, e.slug, coalesce(e.title, m.title) as title,
                   e.starts_at, coalesce(e.venue_name, e.meeting_point, e.place) as place, e.cancel_reason, m.id as measure_id
            from alert_event ae join area ar on ar.id = ae.area_id
            left join event e on e.id = ae.event_id left join measure m on m.id = ae.measure_id
            where ae.id = any(@ids)
            """, new { ids }, ct)).ToDictionary(a => a.Id);

    private static string Headline(Alert alert, bool en) => alert.Kind switch
    {
        "published" => In(Mail.Published, en, In(alert.EventKind == "walk" ? Mail.Walk : Mail.Dialogue, en), alert.AreaName, alert.Title),
        "cancelled" => In(Mail.Cancelled, en, alert.Title, alert.AreaName),
        "feedback" => In(Mail.Feedback, en, alert.Title, alert.AreaName),
        _ => In(Mail.MeasureStatus, en, alert.AreaName, alert.Title, In(AlertTexts.MeasureStatusName(alert.Status), en)),
    };

    /// <summary>The headline, then what a resident needs to decide whether to go: when, where, why cancelled, and the page.</summary>
    private IEnumerable<string> Describe(Alert alert, bool en)
    {
        yield return Headline(alert, en);
        if (alert.StartsAt is { } starts && alert.Kind != "feedback")
            yield return In(Mail.When, en, Time.Local(starts).ToString(en ? "dddd d MMMM yyyy 'at' HH:mm" : "dddd d MMMM yyyy 'kl.' HH:mm",
                CultureInfo.GetCultureInfo(en ? "en-GB" : "sv-SE")));
        if (alert.Place is { Length: > 0 } place && alert.Kind == "published") yield return In(Mail.Where, en, place);
        if (alert.CancelReason is { Length: > 0 } reason && alert.Kind == "cancelled") yield return In(Mail.Reason, en, reason);
        yield return In(Mail.Read, en);
        var root = site.PublicUrl.TrimEnd('/');
        yield return alert.MeasureId is { } measure ? $"{root}/atgarder/{measure}" : $"{root}/{(alert.EventKind == "walk" ? "vandringar" : "dialoger")}/{alert.Slug}";
    }
}
