using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

public sealed record GetSignalsQuery : IQuery<IReadOnlyList<AreaSignal>>;

public sealed class GetSignalsHandler(DbSession db, TimeProvider clock) : IQueryHandler<GetSignalsQuery, IReadOnlyList<AreaSignal>>
{
    private const int BaselineMonths = 12;
    private const int WindowMonths = 3;

    /// <summary>Observations open longer than this count as stale.</summary>
    public const int StaleAfterDays = 30;

    /// <summary>An area with this many stale observations, or this many overdue ones, is flagged.</summary>
    public const int StaleThreshold = 5, OverdueThreshold = 3;

    /// <summary>Questions still unanswered this long after their dialogue's end count; this many flag the area.</summary>
    public const int UnansweredAfterDays = 14, UnansweredThreshold = 5;

    public async ValueTask<IReadOnlyList<AreaSignal>> Handle(GetSignalsQuery query, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(Time.Local(clock.GetUtcNow()).DateTime);
        var until = new DateOnly(today.Year, today.Month, 1); // the current month is not complete
        var windowFrom = until.AddMonths(-WindowMonths);
        var from = windowFrom.AddMonths(-BaselineMonths);
        var areas = await db.QueryAsync<(Guid Id, string Slug, string Name)>(
            "select id, slug, name from area where kind = 'neighbourhood' order by name", null, ct);
        var counts = (await db.QueryAsync<(Guid AreaId, DateOnly Month, int Events)>("""
            select area_id, month, events from police_event_month
            where area_id is not null and type = '' and month >= @from and month < @until
            """, new { from, until }, ct)).ToLookup(c => c.AreaId);
        var types = (await db.QueryAsync<(Guid AreaId, string Type, long Events)>("""
            select area_id, type, sum(events)::bigint from police_event_month
            where area_id is not null and type <> '' and month >= @windowFrom and month < @until
            group by 1, 2 order by 3 desc, 2
            """, new { windowFrom, until }, ct)).ToLookup(t => t.AreaId);

        int[] Months(Guid areaId, DateOnly start, int n)
        {
            var byMonth = counts[areaId].GroupBy(c => c.Month).ToDictionary(g => g.Key, g => g.Sum(c => c.Events));
            return Enumerable.Range(0, n).Select(i => byMonth.GetValueOrDefault(start.AddMonths(i))).ToArray();
        }

        var observations = (await db.QueryAsync<(Guid AreaId, int Open, int Stale, int Overdue, string[] ActorKinds)>("""
            select o.area_id, count(*)::int,
                   count(*) filter (where o.created_at < @staleBefore)::int,
                   count(*) filter (where o.deadline < @today)::int,
                   coalesce(array_agg(distinct ac.kind) filter (where ac.kind is not null), '{}')
            from observation o left join actor ac on ac.id = o.responsible_actor_id
            where o.status in ('reported', 'investigating', 'planned', 'inProgress')
            group by o.area_id
            """, new { staleBefore = clock.GetUtcNow().AddDays(-StaleAfterDays), today }, ct)).ToDictionary(o => o.AreaId);

        var now = clock.GetUtcNow();
        var unanswered = (await db.QueryAsync<(Guid AreaId, int Questions, string[] AddresseeKinds)>("""
            select e.area_id, count(*)::int,
                   coalesce(array_agg(distinct coalesce(q.addressee_kind, aa.kind)) filter (where coalesce(q.addressee_kind, aa.kind) is not null), '{}')
            from question q join event e on e.id = q.event_id left join actor aa on aa.id = q.addressee_actor_id
            where q.status = 'published' and not q.answered_live
              and not exists (select from question_answer qa where qa.question_id = q.id)
              and e.status <> 'cancelled' and e.ends_at < @answeredBy and e.ends_at >= @yearAgo
            group by e.area_id
            """, new { answeredBy = now.AddDays(-UnansweredAfterDays), yearAgo = now.AddYears(-1) }, ct)).ToDictionary(q => q.AreaId);

        // Months the imports did not cover would count as quiet ones: without events of the whole baseline and window,
        // no area is tested, and each says so.
        var spans = await db.PoliceSpansAsync(ct);
        var enoughData = SeriesCoverage.Of(spans, Time.StartOfDay(from), Time.StartOfDay(until)) == Covered.All;
        var tests = enoughData
            ? SignalDetector.Test(areas.Select(a => new AreaCounts(a.Slug, Months(a.Id, from, BaselineMonths), Months(a.Id, windowFrom, WindowMonths))).ToList())
            : areas.Select(a => new AreaTest(a.Slug, 0, 0, 0, 1, 1, false)).ToList();
        var notEnough = spans.Count == 0
            ? "För lite data för att pröva polisens händelser: inga är importerade. "
            : $"För lite data för att pröva polisens händelser: de importerade täcker {SeriesCoverage.Day(spans[0].From).Sv} t.o.m. "
              + $"{SeriesCoverage.Day(spans[^1].Until).Sv}{(spans.Count > 1 ? " med luckor" : "")}, prövningen kräver hela {from:yyyy-MM}–{until.AddMonths(-1):yyyy-MM}. ";
        return areas.Zip(tests, (a, t) =>
        {
            var top = types[a.Id].Take(3).Select(x => x.Type).ToList();
            var open = observations.GetValueOrDefault(a.Id);
            var pileUp = open.Stale >= StaleThreshold || open.Overdue >= OverdueThreshold;
            var questions = unanswered.GetValueOrDefault(a.Id);
            var questionsPile = questions.Questions >= UnansweredThreshold;
            var explanation = (enoughData
                    ? $"{t.WindowEvents} polishändelser i {a.Name} de senaste {WindowMonths} månaderna ({windowFrom:yyyy-MM}–{until.AddMonths(-1):yyyy-MM}) "
                      + $"mot väntat {t.Expected:0.#} enligt de {BaselineMonths} månaderna före ({t.BaselineEvents} händelser); "
                      + $"p = {t.PValue:0.####}, justerat för {areas.Count} stadsdelar {t.AdjustedPValue:0.####}. "
                    : notEnough)
                + $"{open.Open} iakttagelser är öppna, {open.Stale} av dem sedan mer än {StaleAfterDays} dagar och {open.Overdue} efter sin deadline. "
                + $"{questions.Questions} frågor från dialoger som slutade för mer än {UnansweredAfterDays} dagar sedan är obesvarade.";
            var suggestion = t.Flagged ? Suggest(a.Name, top)
                : pileUp ? FollowUp(a.Name, open.ActorKinds ?? [])
                : questionsPile ? AnswerBack(a.Name, questions.AddresseeKinds ?? []) : null;
            return new AreaSignal(new AreaRef(a.Slug, a.Name, AreaKind.Neighbourhood), t.Flagged || pileUp || questionsPile, windowFrom, until.AddDays(-1),
                t.WindowEvents, t.BaselineEvents, Math.Round(t.Expected, 2), t.PValue, t.AdjustedPValue, top, explanation, suggestion,
                t.Flagged, pileUp, open.Open, open.Stale, open.Overdue, questionsPile, questions.Questions, enoughData,
                spans.Count == 0 ? null : Time.Local(spans[^1].Until));
        }).OrderByDescending(s => s.Flagged).ThenBy(s => s.AdjustedPValue).ToList(); // a stable sort: equals stay in Swedish order of name
    }

    /// <summary>
    /// Observations left open call for a follow-up walk with the organisations responsible for them, the administration
    /// and the district council: to see what has been done and agree on what is left.
    /// </summary>
    internal static SignalSuggestion FollowUp(string area, IReadOnlyList<string> responsibleKinds) =>
        new(EventKind.Walk, $"Uppföljande trygghetsvandring i {area}",
            responsibleKinds.Concat(["administration", "politician"]).Distinct().ToList());

    /// <summary>
    /// Questions left unanswered call for a follow-up dialogue where those they were put to answer them, with the
    /// administration and the district council.
    /// </summary>
    internal static SignalSuggestion AnswerBack(string area, IReadOnlyList<string> addresseeKinds) =>
        new(EventKind.Dialogue, $"Uppföljande trygghetsdialog i {area}: svar på frågorna",
            addresseeKinds.Concat(["administration", "politician"]).Distinct().ToList());

    /// <summary>
    /// Crimes against homes and property, and fires, call for a walk with the property owners (places to fix); traffic
    /// for a dialogue with the city's traffic office and public transport; otherwise a dialogue. The police, the
    /// administration and the district council are always invited.
    /// </summary>
    internal static SignalSuggestion Suggest(string area, IReadOnlyList<string> topTypes)
    {
        var kinds = new List<string> { "police", "administration", "politician" };
        var property = topTypes.Any(t => t.Contains("Inbrott", StringComparison.OrdinalIgnoreCase) || t.Contains("Skadegörelse", StringComparison.OrdinalIgnoreCase)
            || t.Contains("Brand", StringComparison.OrdinalIgnoreCase) || t.Contains("Stöld", StringComparison.OrdinalIgnoreCase));
        var traffic = topTypes.Any(t => t.Contains("Trafik", StringComparison.OrdinalIgnoreCase) || t.Contains("Rattfylleri", StringComparison.OrdinalIgnoreCase));
        if (property) kinds.Add("propertyOwner");
        if (traffic) kinds.AddRange(["publicTransport", "other"]);
        return property
            ? new SignalSuggestion(EventKind.Walk, $"Trygghetsvandring i {area}", kinds)
            : new SignalSuggestion(EventKind.Dialogue, $"Trygghetsdialog i {area}", kinds);
    }
}
