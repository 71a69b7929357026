using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Trygghet.Api.Features.Statistics;

/// <summary>The representation a statistics query answers in, when <c>format</c> chooses it rather than <c>Accept</c>.</summary>
public enum StatisticsFormat { Json, Csv }

/// <summary>
/// How every statistics query answers: JSON, or CSV with <c>Accept: text/csv</c> or <c>format=csv</c>; public caching
/// with an ETag that is the hash of what would be sent, so a poll of an unchanged figure costs no body.
/// </summary>
public static class StatisticsResponses
{
    public static void ValidateFormat(string? format) => Infrastructure.QueryEnum.Parse<StatisticsFormat>(format, "format");

    public static Results<Ok<T>, ContentHttpResult, StatusCodeHttpResult> Send<T>(HttpContext http, T value, string? format, Func<T, string> csv)
    {
        var asCsv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
        var text = asCsv ? csv(value) : null;
        var bytes = text is not null ? Encoding.UTF8.GetBytes(text)
            : JsonSerializer.SerializeToUtf8Bytes(value, http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        var etag = $"W/\"{Convert.ToHexString(SHA256.HashData(bytes), 0, 12).ToLowerInvariant()}\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Any(tag => tag is not null && tag.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return text is not null ? TypedResults.Text(text, "text/csv; charset=utf-8") : TypedResults.Ok(value);
    }
}
