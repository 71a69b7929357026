using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>Why a period of a series has no final figure.</summary>
public enum PointReason
{
    /// <summary>The source holds nothing for the period: not imported, not published, or an unknown category.</summary>
    NotCovered,

    /// <summary>Only part of the period is covered (police events, or some of a year's or quarter's BRÅ months).</summary>
    Partial,

    /// <summary>The period is not over; its figure, when given, is the count so far.</summary>
    Unfinished,
}

/// <summary>A stretch of time a source covers, as instants: from the first covered instant up to <c>Until</c>.</summary>
public sealed record CoveredSpan(DateTimeOffset From, DateTimeOffset Until);

/// <summary>What the source of a series covers, in numbers and in words.</summary>
/// <param name="From">The first covered instant; null when the source holds nothing for the series.</param>
/// <param name="Until">The end of the last covered stretch (police: the newest event or the last fetch; BRÅ: the end of its last period).</param>
/// <param name="Spans">Every covered stretch, oldest first; more than one means gaps.</param>
/// <param name="Sv">The coverage in Swedish, e.g. <c>Polisens händelser t.o.m. 18 aug. 2026</c>.</param>
/// <param name="En">The same in English.</param>
public sealed record SeriesCoverage(DateTimeOffset? From, DateTimeOffset? Until, IReadOnlyList<CoveredSpan> Spans, string Sv, string En)
{
    /// <summary>Spans that overlap or touch become one.</summary>
    public static IReadOnlyList<CoveredSpan> Merge(IEnumerable<CoveredSpan> spans)
    {
        var merged = new List<CoveredSpan>();
        foreach (var span in spans.OrderBy(s => s.From))
        {
            if (merged.Count > 0 && span.From <= merged[^1].Until)
                merged[^1] = merged[^1] with { Until = span.Until > merged[^1].Until ? span.Until : merged[^1].Until };
            else merged.Add(span);
        }
        return merged;
    }

    /// <summary>How much of [<paramref name="start"/>, <paramref name="end"/>) the spans cover: all, some or none.</summary>
    public static Covered Of(IReadOnlyList<CoveredSpan> spans, DateTimeOffset start, DateTimeOffset end)
    {
        if (spans.Any(s => s.From <= start && s.Until >= end)) return Covered.All;
        return spans.Any(s => s.From < end && s.Until > start) ? Covered.Some : Covered.None;
    }

    private static readonly string[] SvMonths = ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."];
    private static readonly string[] EnMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static (string Sv, string En) Day(DateTimeOffset instant)
    {
        var local = Time.Local(instant);
        return ($"{local.Day} {SvMonths[local.Month - 1]} {local.Year}", $"{local.Day} {EnMonths[local.Month - 1]} {local.Year}");
    }

    public static (string Sv, string En) Month(DateOnly month) =>
        ($"{SvMonths[month.Month - 1]} {month.Year}", $"{EnMonths[month.Month - 1]} {month.Year}");
}

public enum Covered { None, Some, All }
