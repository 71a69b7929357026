using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>Where a crime series comes from: BRÅ's reported crime, or the Police's published events.</summary>
public enum StatisticsSource { Bra, Police }

/// <summary>The length of a period in a series (calendar periods in Stockholm time).</summary>
public enum Granularity { Month, Quarter, Year }

/// <summary>What a figure counts: a number of crimes or events, or a rate per 100,000 inhabitants.</summary>
public enum StatisticsUnit { Count, Per100k }

/// <summary>A series of crime figures for one area, with where the numbers come from.</summary>
/// <param name="Category">The crime type (BRÅ) or event type (police); <c>Totalt antal brott</c> / all types by default.</param>
/// <param name="SourceName">Who publishes the underlying data.</param>
/// <param name="Licence">Terms of the underlying data.</param>
/// <param name="ImportedAt">When the newest figure of the series was imported.</param>
/// <param name="Note">What the figures do and do not say.</param>
/// <param name="Coverage">Which periods the source covers; a period outside it has no value and a <c>reason</c>.</param>
/// <param name="Points">The periods from <c>from</c> to <c>to</c>, without those not over unless <c>includeUnfinished=true</c>.</param>
public sealed record CrimeSeries(AreaRef Area, StatisticsSource Source, string Category, StatisticsUnit Unit, Granularity Granularity,
    string SourceName, string Licence, DateTimeOffset? ImportedAt, string Note, SeriesCoverage Coverage, IReadOnlyList<CrimePoint> Points);

/// <summary>One period of a series.</summary>
/// <param name="Period">The period's label: <c>2025-03</c>, <c>2025-Q1</c> or <c>2025</c>.</param>
/// <param name="Value">The figure in the series' unit; null where no figure is known (then <c>reason</c> says why), never 0 for "no data".</param>
/// <param name="RatePer100k">Police series: the count per 100,000 inhabitants, where the area's population is known.</param>
/// <param name="PreviousYear">The figure of the same period a year earlier.</param>
/// <param name="ChangePercent">Change against the same period a year earlier, in percent.</param>
/// <param name="City">Stockholm's figure of the same period, for comparison.</param>
/// <param name="Preliminary">BRÅ: the figure is preliminary and will be replaced by a final one.</param>
/// <param name="Reason">Why the period has no final figure: <c>notCovered</c> (the source holds nothing for it), <c>partial</c>
/// (only part of it is covered; a year or quarter of BRÅ months with some missing), <c>unfinished</c> (the period is not over:
/// only with <c>includeUnfinished=true</c>, and the value, when present, is the count so far). Null for a final figure.</param>
public sealed record CrimePoint(string Period, DateOnly Start, decimal? Value, decimal? RatePer100k, decimal? PreviousYear, decimal? ChangePercent,
    decimal? City, bool Preliminary, PointReason? Reason);

/// <summary>
/// A series as CSV, one row per period, with its source and coverage on every row so that a copied line keeps them; a
/// period without a figure has an empty value and its reason.
/// </summary>
public static class CrimeSeriesCsv
{
    public static string Write(CrimeSeries series) => Csv.Write(
        ["area", "source", "category", "unit", "period", "start", "value", "rate_per_100k", "previous_year", "change_percent", "city", "preliminary", "reason", "source_name", "licence", "coverage"],
        series.Points.Select(p => new object?[]
        {
            series.Area.Slug, series.Source, series.Category, series.Unit, p.Period, p.Start, p.Value, p.RatePer100k, p.PreviousYear, p.ChangePercent,
            p.City, p.Preliminary, p.Reason, series.SourceName, series.Licence, series.Coverage.Sv,
        }));
}
