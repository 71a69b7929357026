using System.Text.Json;

namespace Trygghet.Api.Tests.Support;

/// <summary>Reads an RFC 9457 problem from a raw response, asserting its media type.</summary>
public static class Problems
{
    public sealed record Problem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, string Raw);

    public static async Task<Problem> ReadAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected application/problem+json, got '{response.Content.Headers.ContentType}': {raw}");
        using var doc = JsonDocument.Parse(raw);
        var root = doc.RootElement;
        var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
            ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray())
            : new Dictionary<string, string[]>();
        Assert.Equal((int)response.StatusCode, root.GetProperty("status").GetInt32());
        Assert.DoesNotContain("   at ", raw); // never a stack trace
        return new Problem(
            root.GetProperty("status").GetInt32(),
            root.TryGetProperty("title", out var t) ? t.GetString() : null,
            root.TryGetProperty("detail", out var d) ? d.GetString() : null,
            errors,
            raw);
    }
}
