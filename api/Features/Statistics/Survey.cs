using Trygghet.Api.Features.Areas;

namespace Trygghet.Api.Features.Statistics;

/// <summary>One indicator of the safety survey for an area, year by year, with the city's value where known.</summary>
/// <param name="Indicator">E.g. <c>Andel som känner sig otrygga ute sent en kväll i sitt område</c>.</param>
/// <param name="Unit">E.g. <c>%</c>.</param>
/// <param name="Source">The report the figures were taken from.</param>
/// <param name="Licence">Terms of the figures.</param>
/// <param name="ImportedAt">When the newest figure was entered.</param>
public sealed record SurveySeries(AreaRef Area, string Indicator, string Unit, string Source, string Licence, DateTimeOffset ImportedAt,
    IReadOnlyList<SurveyPoint> Points);

public sealed record SurveyPoint(int Year, decimal Value, decimal? City);
