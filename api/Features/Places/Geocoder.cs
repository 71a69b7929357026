using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Trygghet.Api.Features.Places;

/// <summary>A Nominatim-compatible geocoder for street addresses (<c>Geocoding__*</c>); without <see cref="SearchUrl"/> none is used.</summary>
public sealed class GeocodingOptions
{
    /// <summary>The <c>/search</c> endpoint, e.g. <c>https://nominatim.openstreetmap.org/search</c> or the city's own.</summary>
    public string? SearchUrl { get; set; }

    /// <summary>Who is asking, as Nominatim's usage policy requires: the service and a contact.</summary>
    public string UserAgent { get; set; } = "Trygghet/2 (Hagersten-Alvsjo stadsdelsforvaltning)";

    /// <summary>How long a search waits for the geocoder before answering with the district's own places only.</summary>
    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>How long a geocoder answer is reused for the same text (Nominatim asks that results be cached).</summary>
    public int CacheMinutes { get; set; } = 10;

    public bool Configured => !string.IsNullOrWhiteSpace(SearchUrl);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Configured && !(Uri.TryCreate(SearchUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            problems.Add("Geocoding__SearchUrl must be an absolute http(s) address.");
        if (TimeoutSeconds is <= 0 or > 30) problems.Add("Geocoding__TimeoutSeconds must be between 0 and 30.");
        if (CacheMinutes < 0) problems.Add("Geocoding__CacheMinutes cannot be negative.");
        using var probe = new HttpRequestMessage();
        if (string.IsNullOrWhiteSpace(UserAgent) || !probe.Headers.UserAgent.TryParseAdd(UserAgent))
            problems.Add("Geocoding__UserAgent must be a valid User-Agent naming the service.");
        return problems;
    }
}

/// <summary>A place the geocoder found: a name to show, the full address line and the point.</summary>
public sealed record GeocodedPlace(string Name, string? Detail, double Lat, double Lon);

/// <summary>
/// Asks the configured geocoder (Nominatim <c>jsonv2</c>) for places in a bounding box. A failure or a slow answer is
/// no error of the search: the answer is null and the caller says the address search was unavailable. The typed text
/// may be a resident's own address, so it is never logged, and answers are cached under its hash, not the text.
/// </summary>
public sealed class Geocoder(IHttpClientFactory http, GeocodingOptions options, TimeProvider clock, ILogger<Geocoder> logger)
{
    public const string HttpClientName = "geocoder";
    private const int CacheSize = 2000;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, IReadOnlyList<GeocodedPlace> Places)> cache = new(StringComparer.Ordinal);

    public bool Configured => options.Configured;

    /// <summary>The geocoder's places for <paramref name="text"/> inside the box, in its order; null when it failed.</summary>
    public async Task<IReadOnlyList<GeocodedPlace>?> SearchAsync(string text, (double West, double South, double East, double North) box, string language,
        int limit, CancellationToken ct)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{language}\n{limit}\n{text}")));
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(key, out var hit) && hit.Until > now) return hit.Places;

        var inv = CultureInfo.InvariantCulture;
        var query = string.Join('&',
            "format=jsonv2",
            "addressdetails=1",
            "q=" + Uri.EscapeDataString(text),
            "countrycodes=se",
            "viewbox=" + string.Join(',', new[] { box.West, box.North, box.East, box.South }.Select(d => d.ToString("0.######", inv))),
            "bounded=1",
            "accept-language=" + Uri.EscapeDataString(language),
            "limit=" + limit.ToString(inv));
        var url = options.SearchUrl! + (options.SearchUrl!.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            using var response = await http.CreateClient(HttpClientName).GetAsync(url, HttpCompletionOption.ResponseContentRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Address search unavailable: the geocoder answered {Status}", (int)response.StatusCode);
                return null;
            }
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token);
            var places = Read(json.RootElement);
            if (places is null)
            {
                logger.LogWarning("Address search unavailable: the geocoder's answer is not a Nominatim jsonv2 list");
                return null;
            }
            if (options.CacheMinutes > 0)
            {
                if (cache.Count >= CacheSize) cache.Clear();
                cache[key] = (now.AddMinutes(options.CacheMinutes), places);
            }
            return places;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Address search unavailable: the geocoder did not answer within {Seconds} s", options.TimeoutSeconds);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or IOException)
        {
            // The exception's type only: its message can carry the address asked for.
            logger.LogWarning("Address search unavailable: {Error}", e.GetType().Name);
            return null;
        }
    }

    /// <summary>The places of a Nominatim <c>jsonv2</c> answer (with <c>addressdetails</c>); null when it is no such list.</summary>
    internal static IReadOnlyList<GeocodedPlace>? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array) return null;
        var places = new List<GeocodedPlace>();
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || Number(item, "lat") is not { } lat || Number(item, "lon") is not { } lon) continue;
            var display = String(item, "display_name");
            var name = String(item, "name");
            string? street = null;
            if (item.TryGetProperty("address", out var address) && address.ValueKind == JsonValueKind.Object
                && (String(address, "road") ?? String(address, "pedestrian") ?? String(address, "footway")) is { } road)
                street = String(address, "house_number") is { } number ? $"{road} {number}" : road;
            var shown = name is not null && street is not null && name != street && !street.StartsWith(name + " ", StringComparison.Ordinal) ? $"{name}, {street}"
                : street ?? name ?? display?.Split(',')[0].Trim();
            if (string.IsNullOrWhiteSpace(shown)) continue;
            places.Add(new GeocodedPlace(Clip(shown, 200), display is null ? null : Clip(display, 500), lat, lon));
        }
        return places;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text.Trim() : null;

    private static double? Number(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var n)) return double.IsFinite(n) ? n : null;
        return value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) ? s : null;
    }
}
