using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
        if (format is not null && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("format", Messages.Get("json.invalidValue"))]);
        var series = await mediator.Send(new Features.Statistics.GetCrimeSeries(area ?? "",
            QueryEnum.Parse<StatisticsSource>(source, "source") ?? StatisticsSource.Bra,
            QueryEnum.Parse<Granularity>(granularity, "granularity") ?? Granularity.Month,
            QueryEnum.Parse<StatisticsUnit>(unit, "unit") ?? StatisticsUnit.Count, category, from, to), ct);
        http.Response.Headers.CacheControl = "public, max-age=300";
        http.Response.Headers.Vary = "Accept";
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
        // Integrators poll: the ETag is the hash of what would be sent, so an unchanged series costs them no body.
        var text = csv ? CrimeSeriesCsv.Write(series) : null;
        var bytes = text is not null ? Encoding.UTF8.GetBytes(text)
            : JsonSerializer.SerializeToUtf8Bytes(series, http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        var etag = $"W/\"{Convert.ToHexString(SHA256.HashData(bytes), 0, 12).ToLowerInvariant()}\"";
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Any(tag => tag is not null && tag.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return text is not null ? TypedResults.Text(text, "text/csv; charset=utf-8") : TypedResults.Ok(series);
    }
}
