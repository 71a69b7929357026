using System.Globalization;
using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

public sealed record GetCrimeSeriesQuery(string Area, StatisticsSource Source, Granularity Granularity, StatisticsUnit Unit, string? Category,
    DateOnly? From, DateOnly? To, bool IncludeUnfinished = false) : IQuery<CrimeSeries>;

public sealed class GetCrimeSeriesValidator : AbstractValidator<GetCrimeSeriesQuery>
{
    public GetCrimeSeriesValidator(KnownAreas areas, PoliceEventTypes types, NpgsqlDataSource dataSource)
    {
        // A police event type with a typo would count nothing and read as zeros: a type is one of the police's list or
        // one already imported (the police add types now and then).
        RuleFor(q => q.Category!).MustAsync(async (type, ct) =>
            {
                if (types.IsListed(type)) return true;
                await using var conn = await dataSource.OpenConnectionAsync(ct);
                return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "select exists (select 1 from police_event_month where type = @type)", new { type }, cancellationToken: ct));
            })
            .When(q => q.Source == StatisticsSource.Police && !string.IsNullOrEmpty(q.Category) && q.Category.Length <= 300)
            .WithMessage((_, type) => StatisticsTexts.UnknownPoliceType.Format(type.Length <= 60 ? type : $"{type[..60]}…"));
        RuleFor(q => q.Area).Cascade(CascadeMode.Stop).NotEmpty().KnownArea(areas);
        RuleFor(q => q.Category).MaximumLength(300);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage(_ => CommonTexts.PeriodEndNotBeforeStart.Format()).When(q => q.From is not null && q.To is not null);
        RuleFor(q => q).Must(q => q.From is null || q.To is null || q.To.Value.DayNumber - q.From.Value.DayNumber <= 366 * 20)
            .WithMessage(_ => StatisticsTexts.AtMostTwentyYears.Format()).OverridePropertyName("to");
        RuleFor(q => q.Unit).Equal(StatisticsUnit.Count).When(q => q.Source == StatisticsSource.Police)
            .WithMessage(_ => StatisticsTexts.PoliceSeriesAreCounts.Format());
        RuleFor(q => q.Granularity).NotEqual(Granularity.Quarter).When(q => q.Source == StatisticsSource.Bra && q.Unit == StatisticsUnit.Per100k)
            .WithMessage(_ => StatisticsTexts.BraRatesNotPerQuarter.Format());
    }
}

/// <summary>
/// A series never reads "no data" as zero: each period is checked against what its source covers (table
/// <c>statistics_coverage</c>). A period outside it has no value and says why (<see cref="PointReason"/>); a period that
/// is not over is left out unless asked for, and then flagged <see cref="PointReason.Unfinished"/>.
/// </summary>
public sealed class GetCrimeSeriesHandler(DbSession db, TimeProvider clock) : IQueryHandler<GetCrimeSeriesQuery, CrimeSeries>
{
    private sealed record AreaRow(Guid Id, string Slug, string Name, string Kind, int? Population);

    /// <summary>A period's figure, or why there is none; <c>Preliminary</c> for BRÅ figures still to be replaced.</summary>
    private readonly record struct Figure(decimal? Value, PointReason? Reason, bool Preliminary);

    public async ValueTask<CrimeSeries> Handle(GetCrimeSeriesQuery q, CancellationToken ct)
    {
        var area = await db.QuerySingleOrDefaultAsync<AreaRow>("select id, slug, name, kind, population from area where slug = @Area", q, ct)
            ?? throw AreaRules.Unknown(q.Area);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(Time.Local(now).DateTime);
        var to = Start(q.To ?? today, q.Granularity);
        var from = Start(q.From ?? to.AddYears(-2), q.Granularity);
        var periods = new List<DateOnly>();
        // A period not begun has nothing to say; one not over only when asked for.
        for (var p = from; p <= to && p <= today; p = Next(p, q.Granularity))
            if (q.IncludeUnfinished || End(p, q.Granularity) <= now) periods.Add(p);

        Func<DateOnly, Figure> own, city;
        string category, sourceName, licence, note;
        DateTimeOffset? importedAt;
        SeriesCoverage coverage;
        if (q.Source == StatisticsSource.Police)
        {
            category = q.Category ?? "";
            var spans = await db.PoliceSpansAsync(ct);
            var ownCounts = await PoliceCountsAsync(area, category, from.AddYears(-1), Next(to, q.Granularity), q.Granularity, ct);
            var cityCounts = await PoliceCountsAsync(null, category, from.AddYears(-1), Next(to, q.Granularity), q.Granularity, ct);
            own = p => PoliceFigure(ownCounts, spans, p, q.Granularity, now);
            city = p => PoliceFigure(cityCounts, spans, p, q.Granularity, now);
            // The newest row, not max(): no row is "never imported", where max() would be a NULL no instant can be read from.
            importedAt = await db.QuerySingleOrDefaultAsync<DateTimeOffset?>("select updated_at from police_event order by updated_at desc limit 1", null, ct);
            (sourceName, licence) = ("Polismyndigheten, öppna händelser (polisen.se/api/events)", "Polismyndighetens regler för öppna data");
            note = "Händelser som polisen publicerat, inte anmälda brott; platsen är den stadsdel texten nämner. / Events the police published, not reported crimes.";
            coverage = PoliceCoverage(spans);
        }
        else
        {
            category = q.Category ?? "Totalt antal brott";
            var unit = q.Unit == StatisticsUnit.Count ? "count" : "per100k";
            var ownRows = await BraRowsAsync(area.Id, category, unit, ct);
            var cityId = await db.QuerySingleOrDefaultAsync<Guid>("select id from area where slug = @CitySlug", new { AreaSeed.CitySlug }, ct);
            var cityRows = await BraRowsAsync(cityId, category, unit, ct);
            own = p => BraFigure(ownRows, p, q.Granularity, now);
            city = p => BraFigure(cityRows, p, q.Granularity, now);
            importedAt = await db.QuerySingleOrDefaultAsync<DateTimeOffset?>(
                "select updated_at from crime_statistic where area_id = @Id and crime_type = @category order by updated_at desc limit 1",
                new { area.Id, category }, ct);
            (sourceName, licence) = ("Brottsförebyggande rådet (BRÅ), anmälda brott", "BRÅ: publicerad statistik får återanvändas fritt");
            note = "Anmälda brott enligt BRÅ; preliminära siffror ersätts av slutliga. / Reported crimes per BRÅ; preliminary figures are replaced by final ones.";
            coverage = BraCoverage(area.Name, await db.PeriodsAsync("bra", area.Id, unit, ct));
        }

        var points = periods.Select(p =>
        {
            var figure = own(p);
            var previous = own(p.AddYears(-1));
            // A change needs two figures of whole periods: the count so far of an unfinished one is no figure to compare.
            decimal? change = figure is { Value: { } now, Reason: null } && previous is { Value: > 0, Reason: null }
                ? Math.Round((now - previous.Value.Value) / previous.Value.Value * 100, 1) : null;
            decimal? rate = q.Source == StatisticsSource.Police && area.Population is > 0 && figure.Value is { } count
                ? Math.Round(count / area.Population.Value * 100_000, 1) : null;
            return new CrimePoint(Label(p, q.Granularity), p, figure.Value, rate, previous.Reason is null ? previous.Value : null, change,
                city(p).Value, figure.Preliminary, figure.Reason);
        }).ToList();
        return new CrimeSeries(new AreaRef(area.Slug, area.Name, AreaKinds.Parse(area.Kind)), q.Source, category, q.Unit, q.Granularity,
            sourceName, licence, importedAt is { } at ? Time.Local(at) : null, note, coverage, points);
    }

    /// <summary>
    /// A count only where the imports covered the whole period: a period they reach only in part, or not at all, has
    /// no count, since the events missing from it were never seen. An unfinished period counts what is known so far
    /// when the coverage runs from its start.
    /// </summary>
    private static Figure PoliceFigure(Dictionary<DateOnly, (decimal Value, bool)> counts, IReadOnlyList<CoveredSpan> spans, DateOnly period,
        Granularity granularity, DateTimeOffset now)
    {
        var (start, end) = (Time.StartOfDay(period), Time.StartOfDay(Next(period, granularity)));
        var count = counts.TryGetValue(period, out var c) ? c.Value : 0;
        if (end > now)
            return new Figure(SeriesCoverage.Of(spans, start, start) == Covered.All ? count : null, PointReason.Unfinished, false);
        return SeriesCoverage.Of(spans, start, end) switch
        {
            Covered.All => new Figure(count, null, false),
            Covered.Some => new Figure(null, PointReason.Partial, false),
            _ => new Figure(null, PointReason.NotCovered, false),
        };
    }

    /// <summary>
    /// A BRÅ figure as published: a month's row, a year's row, or a quarter or year summed from its months only when
    /// every month is there (<see cref="PointReason.Partial"/> otherwise). No row is no figure, never 0.
    /// </summary>
    private static Figure BraFigure(IReadOnlyList<BraRow> rows, DateOnly period, Granularity granularity, DateTimeOffset now)
    {
        var unfinished = Time.StartOfDay(Next(period, granularity)) > now;
        Figure Flag(Figure f) => unfinished ? f with { Reason = PointReason.Unfinished } : f;
        if (granularity == Granularity.Year && rows.FirstOrDefault(r => r.Year == period.Year && r.Month == 0) is { } year)
            return Flag(new Figure(year.Value, null, year.Preliminary));
        var months = granularity switch { Granularity.Year => 12, Granularity.Quarter => 3, _ => 1 };
        var known = rows.Where(r => r.Month > 0 && r.Year == period.Year && r.Month >= period.Month && r.Month < period.Month + months).ToList();
        if (known.Count == months) return Flag(new Figure(known.Sum(r => r.Value), null, known.Any(r => r.Preliminary)));
        return Flag(new Figure(null, known.Count > 0 ? PointReason.Partial : PointReason.NotCovered, false));
    }

    private static SeriesCoverage PoliceCoverage(IReadOnlyList<CoveredSpan> spans)
    {
        if (spans.Count == 0) return new SeriesCoverage(null, null, spans, "Inga händelser från polisen är importerade.", "No police events have been imported.");
        var (first, last) = (SeriesCoverage.Day(spans[0].From), SeriesCoverage.Day(spans[^1].Until));
        var gaps = spans.Count - 1;
        return new SeriesCoverage(spans[0].From, spans[^1].Until, spans,
            $"Polisens händelser {first.Sv} t.o.m. {last.Sv}" + (gaps switch { 0 => "", 1 => ", med en lucka", _ => $", med {gaps} luckor" }),
            $"Police events {first.En} up to and including {last.En}" + (gaps switch { 0 => "", 1 => ", with one gap", _ => $", with {gaps} gaps" }));
    }

    private static SeriesCoverage BraCoverage(string areaName, IReadOnlyList<(string Granularity, DateTimeOffset Start, DateTimeOffset End)> periods)
    {
        if (periods.Count == 0)
            return new SeriesCoverage(null, null, [], $"BRÅ har inga siffror för {areaName} i den här enheten.", $"BRÅ has no figures for {areaName} in this unit.");
        var spans = SeriesCoverage.Merge(periods.Select(p => new CoveredSpan(p.Start, p.End)));
        string Range(string granularity, bool english)
        {
            var of = periods.Where(p => p.Granularity == granularity).ToList();
            if (of.Count == 0) return "";
            var (a, b) = (DateOnly.FromDateTime(Time.Local(of[0].Start).DateTime), DateOnly.FromDateTime(Time.Local(of[^1].End).DateTime).AddDays(-1));
            return granularity == "year"
                ? (english ? $"years {a.Year}–{b.Year}" : $"helår {a.Year}–{b.Year}")
                : english ? $"months {SeriesCoverage.Month(a).En}–{SeriesCoverage.Month(b).En}" : $"månader {SeriesCoverage.Month(a).Sv}–{SeriesCoverage.Month(b).Sv}";
        }
        string Join(bool english) => string.Join("; ", new[] { Range("year", english), Range("month", english) }.Where(r => r.Length > 0));
        return new SeriesCoverage(spans[0].From, spans[^1].Until, spans, $"BRÅ:s siffror för {areaName}: {Join(false)}", $"BRÅ's figures for {areaName}: {Join(true)}");
    }

    /// <summary>Police events per period, in Stockholm time: the area with its neighbourhoods, or all of Stockholm when null.</summary>
    private async Task<Dictionary<DateOnly, (decimal, bool)>> PoliceCountsAsync(AreaRow? area, string category, DateOnly from, DateOnly until,
        Granularity granularity, CancellationToken ct)
    {
        // From the monthly counts the database keeps beside the events (migrations 0007, 0012); two statements rather than one with a CASE, so that each keeps its index.
        var scope = area is null || area.Kind == "city"
            ? "kommun = 'Stockholm'"
            : "area_id in (select id from area where id = @AreaId or parent_id = @AreaId)";
        var rows = await db.QueryAsync<(DateTime Start, long Count)>($"""
            select date_trunc(@Unit, month::timestamp) as start, sum(events)::bigint
            from police_event_month
            where {scope} and type = @Category and month >= @From and month < @Until
            group by 1
            """,
            new { Unit = granularity.ToString().ToLowerInvariant(), From = from, Until = until, Category = category, AreaId = area?.Id }, ct);
        return rows.ToDictionary(r => DateOnly.FromDateTime(r.Start), r => ((decimal)r.Count, false));
    }

    private sealed record BraRow(int Year, int Month, decimal Value, bool Preliminary);

    /// <summary>An area's BRÅ rows of one crime type and unit: years (month 0) and months.</summary>
    private async Task<IReadOnlyList<BraRow>> BraRowsAsync(Guid areaId, string category, string unit, CancellationToken ct) =>
        await db.QueryAsync<BraRow>("""
            select year, month, value, preliminary from crime_statistic
            where source = 'bra' and area_id = @areaId and crime_type = @category and unit = @unit
            """, new { areaId, category, unit }, ct);

    private static DateOnly Start(DateOnly day, Granularity granularity) => granularity switch
    {
        Granularity.Year => new DateOnly(day.Year, 1, 1),
        Granularity.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    private static DateTimeOffset End(DateOnly start, Granularity granularity) => Time.StartOfDay(Next(start, granularity));

    private static DateOnly Next(DateOnly start, Granularity granularity) => granularity switch
    {
        Granularity.Year => start.AddYears(1),
        Granularity.Quarter => start.AddMonths(3),
        _ => start.AddMonths(1),
    };

    private static string Label(DateOnly start, Granularity granularity) => granularity switch
    {
        Granularity.Year => start.Year.ToString(CultureInfo.InvariantCulture),
        Granularity.Quarter => $"{start.Year}-Q{(start.Month - 1) / 3 + 1}",
        _ => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };
}
