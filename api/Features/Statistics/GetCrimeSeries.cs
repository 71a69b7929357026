using System.Globalization;
using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

public sealed record GetCrimeSeriesQuery(string Area, StatisticsSource Source, Granularity Granularity, StatisticsUnit Unit, string? Category,
    DateOnly? From, DateOnly? To) : IQuery<CrimeSeries>;

public sealed class GetCrimeSeriesValidator : AbstractValidator<GetCrimeSeriesQuery>
{
    public GetCrimeSeriesValidator()
    {
        RuleFor(q => q.Area).AreaSlug();
        RuleFor(q => q.Category).MaximumLength(300);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
        RuleFor(q => q).Must(q => q.From is null || q.To is null || q.To.Value.DayNumber - q.From.Value.DayNumber <= 366 * 20)
            .WithMessage(_ => StatisticsTexts.AtMostTwentyYears.Format()).OverridePropertyName("to");
        RuleFor(q => q.Unit).Equal(StatisticsUnit.Count).When(q => q.Source == StatisticsSource.Police)
            .WithMessage(_ => StatisticsTexts.PoliceSeriesAreCounts.Format());
        RuleFor(q => q.Granularity).NotEqual(Granularity.Quarter).When(q => q.Source == StatisticsSource.Bra && q.Unit == StatisticsUnit.Per100k)
            .WithMessage(_ => StatisticsTexts.BraRatesNotPerQuarter.Format());
    }
}

public sealed class GetCrimeSeriesHandler(DbSession db, TimeProvider clock) : IQueryHandler<GetCrimeSeriesQuery, CrimeSeries>
{
    private sealed record AreaRow(Guid Id, string Slug, string Name, string Kind, int? Population);

    public async ValueTask<CrimeSeries> Handle(GetCrimeSeriesQuery q, CancellationToken ct)
    {
        var area = await db.QuerySingleOrDefaultAsync<AreaRow>("select id, slug, name, kind, population from area where slug = @Area", q, ct)
            ?? throw new NotFoundException(AreaTexts.NotFound, q.Area);
        var today = DateOnly.FromDateTime(Time.Local(clock.GetUtcNow()).DateTime);
        var to = Start(q.To ?? today, q.Granularity);
        var from = Start(q.From ?? to.AddYears(-2), q.Granularity);
        var periods = new List<DateOnly>();
        for (var p = from; p <= to; p = Next(p, q.Granularity)) periods.Add(p);

        Dictionary<DateOnly, (decimal Value, bool Preliminary)> own, city;
        string category, sourceName, licence, note;
        DateTimeOffset? importedAt;
        if (q.Source == StatisticsSource.Police)
        {
            category = q.Category ?? "";
            own = await PoliceCountsAsync(area, category, from.AddYears(-1), Next(to, q.Granularity), q.Granularity, ct);
            city = await PoliceCountsAsync(null, category, from.AddYears(-1), Next(to, q.Granularity), q.Granularity, ct);
            // The newest row, not max(): no row is "never imported", where max() would be a NULL no instant can be read from.
            importedAt = await db.QuerySingleOrDefaultAsync<DateTimeOffset?>("select updated_at from police_event order by updated_at desc limit 1", null, ct);
            (sourceName, licence) = ("Polismyndigheten, öppna händelser (polisen.se/api/events)", "Polismyndighetens regler för öppna data");
            note = "Händelser som polisen publicerat, inte anmälda brott; platsen är den stadsdel texten nämner. / Events the police published, not reported crimes.";
        }
        else
        {
            category = q.Category ?? "Totalt antal brott";
            own = await BraValuesAsync(area.Id, category, q.Unit, q.Granularity, ct);
            var cityId = await db.QuerySingleOrDefaultAsync<Guid>("select id from area where slug = @CitySlug", new { AreaSeed.CitySlug }, ct);
            city = await BraValuesAsync(cityId, category, q.Unit, q.Granularity, ct);
            importedAt = await db.QuerySingleOrDefaultAsync<DateTimeOffset?>(
                "select updated_at from crime_statistic where area_id = @Id and crime_type = @category order by updated_at desc limit 1",
                new { area.Id, category }, ct);
            (sourceName, licence) = ("Brottsförebyggande rådet (BRÅ), anmälda brott", "BRÅ: publicerad statistik får återanvändas fritt");
            note = "Anmälda brott enligt BRÅ; preliminära siffror ersätts av slutliga. / Reported crimes per BRÅ; preliminary figures are replaced by final ones.";
        }

        var points = periods.Select(p =>
        {
            decimal? value = own.TryGetValue(p, out var v) ? v.Value : q.Source == StatisticsSource.Police ? 0 : null;
            decimal? previous = own.TryGetValue(p.AddYears(-1), out var pv) ? pv.Value : q.Source == StatisticsSource.Police ? 0 : null;
            decimal? change = value is { } now && previous is > 0 ? Math.Round((now - previous.Value) / previous.Value * 100, 1) : null;
            decimal? rate = q.Source == StatisticsSource.Police && area.Population is > 0 && value is { } count
                ? Math.Round(count / area.Population.Value * 100_000, 1) : null;
            decimal? cityValue = city.TryGetValue(p, out var c) ? c.Value : q.Source == StatisticsSource.Police ? 0 : null;
            return new CrimePoint(Label(p, q.Granularity), p, value, rate, previous, change, cityValue, own.TryGetValue(p, out var o) && o.Preliminary);
        }).ToList();
        return new CrimeSeries(new AreaRef(area.Slug, area.Name, AreaKinds.Parse(area.Kind)), q.Source, category, q.Unit, q.Granularity,
            sourceName, licence, importedAt is { } at ? Time.Local(at) : null, note, points);
    }

    /// <summary>Police events per period, in Stockholm time: the area with its neighbourhoods, or all of Stockholm when null.</summary>
    private async Task<Dictionary<DateOnly, (decimal, bool)>> PoliceCountsAsync(AreaRow? area, string category, DateOnly from, DateOnly until,
        Granularity granularity, CancellationToken ct)
    {
        // From the monthly counts the import keeps; two statements rather than one with a CASE, so that each keeps its index.
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

    /// <summary>BRÅ figures per period: yearly rows, monthly rows, or quarters summed from monthly counts.</summary>
    private async Task<Dictionary<DateOnly, (decimal, bool)>> BraValuesAsync(Guid areaId, string category, StatisticsUnit unit, Granularity granularity,
        CancellationToken ct)
    {
        var rows = await db.QueryAsync<(int Year, int Month, decimal Value, bool Preliminary)>("""
            select year, month, value, preliminary from crime_statistic
            where source = 'bra' and area_id = @areaId and crime_type = @category and unit = @Unit and ((@Yearly and month = 0) or (not @Yearly and month > 0))
            """, new { areaId, category, Unit = unit == StatisticsUnit.Count ? "count" : "per100k", Yearly = granularity == Granularity.Year }, ct);
        return rows
            .GroupBy(r => Start(new DateOnly(r.Year, Math.Max(r.Month, 1), 1), granularity))
            .Where(g => granularity != Granularity.Quarter || g.Count() == 3) // a quarter only when all its months are known
            .ToDictionary(g => g.Key, g => (g.Sum(r => r.Value), g.Any(r => r.Preliminary)));
    }

    private static DateOnly Start(DateOnly day, Granularity granularity) => granularity switch
    {
        Granularity.Year => new DateOnly(day.Year, 1, 1),
        Granularity.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

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
