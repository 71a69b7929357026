using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

public static class StatisticsEndpoints
{
    public static void MapStatistics(this IEndpointRouteBuilder api) =>
        api.MapGet("/statistics/crime", GetCrimeSeries)
            .WithName(nameof(GetCrimeSeries)).WithTags("Statistics")
            .WithSummary("Crime per area and period, with the change against a year earlier and Stockholm's figure; JSON, or CSV with Accept: text/csv or format=csv.")
            .WithMetadata(new AlternateRepresentation("text/csv", typeof(string)))
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

    /// <param name="area" example="hagersten-alvsjo">The area: the city, the district or a neighbourhood (police source only).</param>
    /// <param name="source">`bra` (reported crime, default) or `police` (published police events).</param>
    /// <param name="granularity">`month` (default), `quarter` or `year`.</param>
    /// <param name="unit">`count` (default) or `per100k` (BRÅ).</param>
    /// <param name="category">BRÅ crime type (default `Totalt antal brott`) or police event type (default all).</param>
    /// <param name="from">First day of the range (default two years before `to`).</param>
    /// <param name="to">Last day of the range (default today).</param>
    /// <param name="format">`csv` for CSV, as with `Accept: text/csv`.</param>
    public static async Task<Results<Ok<CrimeSeries>, ContentHttpResult, StatusCodeHttpResult>> GetCrimeSeries([Required] string? area,
        [QueryEnum(typeof(StatisticsSource))] string? source, [QueryEnum(typeof(Granularity))] string? granularity,
        [QueryEnum(typeof(StatisticsUnit))] string? unit, string? category, DateOnly? from, DateOnly? to, string? format,
        IMediator mediator, HttpContext http, CancellationToken ct)
    {
        StatisticsResponses.ValidateFormat(format);
        var series = await mediator.Send(new Features.Statistics.GetCrimeSeries(area ?? "",
            QueryEnum.Parse<StatisticsSource>(source, "source") ?? StatisticsSource.Bra,
            QueryEnum.Parse<Granularity>(granularity, "granularity") ?? Granularity.Month,
            QueryEnum.Parse<StatisticsUnit>(unit, "unit") ?? StatisticsUnit.Count, category, from, to), ct);
        return StatisticsResponses.Send(http, series, format, CrimeSeriesCsv.Write);
    }
}
