using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>Where the statistics record and read which periods each source covers (table <c>statistics_coverage</c>).</summary>
internal static class CoverageStore
{
    /// <summary>
    /// A police import or fetch covered all areas from <paramref name="from"/> to <paramref name="until"/>; stretches it
    /// overlaps or touches are merged into one row, so that daily fetches keep one row, not thousands.
    /// </summary>
    public static async Task RecordPoliceAsync(this DbSession db, DateTimeOffset from, DateTimeOffset until, DateTimeOffset now, CancellationToken ct) =>
        await db.ExecuteAsync("""
            with merged as (
                delete from statistics_coverage c
                where c.source = 'police' and c.area_id is null and c.granularity = 'instant'
                  and c.period_start <= @until and c.period_end >= @from
                returning c.period_start, c.period_end
            )
            insert into statistics_coverage (source, area_id, granularity, unit, period_start, period_end, recorded_at)
            select 'police', null, 'instant', '', least(@from, min(period_start)), greatest(@until, max(period_end)), @now
            from (select period_start, period_end from merged union all select null, null) m
            """, new { from = from.ToUniversalTime(), until = until.ToUniversalTime(), now = now.ToUniversalTime() }, ct);

    /// <summary>Calendar periods (Stockholm time) a file holds figures for: <c>month</c> or <c>year</c> from its first day.</summary>
    public static async Task RecordPeriodsAsync(this DbSession db, string source,
        IEnumerable<(Guid AreaId, string Granularity, string Unit, DateOnly Start)> periods, DateTimeOffset now, CancellationToken ct)
    {
        var list = periods.Distinct().ToList();
        if (list.Count == 0) return;
        await db.ExecuteAsync("""
            insert into statistics_coverage as c (source, area_id, granularity, unit, period_start, period_end, recorded_at)
            select @source, t.area_id, t.granularity, t.unit, t.start::timestamp at time zone 'Europe/Stockholm',
                   (t.start + case when t.granularity = 'year' then interval '1 year' else interval '1 month' end) at time zone 'Europe/Stockholm', @now
            from unnest(@AreaIds, @Granularities, @Units, @Starts) as t(area_id, granularity, unit, start)
            on conflict (source, area_id, granularity, unit, period_start, period_end) do update set recorded_at = excluded.recorded_at
            """,
            new
            {
                source,
                now = now.ToUniversalTime(),
                AreaIds = list.Select(p => p.AreaId).ToArray(),
                Granularities = list.Select(p => p.Granularity).ToArray(),
                Units = list.Select(p => p.Unit).ToArray(),
                Starts = list.Select(p => p.Start.ToDateTime(TimeOnly.MinValue)).ToArray(),
            }, ct);
    }

    /// <summary>The stretches the police imports covered, merged, oldest first.</summary>
    public static async Task<IReadOnlyList<CoveredSpan>> PoliceSpansAsync(this DbSession db, CancellationToken ct) =>
        SeriesCoverage.Merge(await db.QueryAsync<CoveredSpan>("""
            select period_start as "From", period_end as "Until" from statistics_coverage
            where source = 'police' and area_id is null order by period_start
            """, null, ct));

    /// <summary>The periods of an area's files from BRÅ or the survey, in one unit, with their granularity.</summary>
    public static async Task<IReadOnlyList<(string Granularity, DateTimeOffset Start, DateTimeOffset End)>> PeriodsAsync(this DbSession db, string source,
        Guid areaId, string unit, CancellationToken ct) =>
        await db.QueryAsync<(string, DateTimeOffset, DateTimeOffset)>("""
            select granularity, period_start, period_end from statistics_coverage
            where source = @source and area_id = @areaId and unit = @unit order by period_start
            """, new { source, areaId, unit }, ct);
}
