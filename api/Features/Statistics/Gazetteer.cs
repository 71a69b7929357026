using System.Text.RegularExpressions;
using Trygghet.Api.Features.Areas;

namespace Trygghet.Api.Features.Statistics;

/// <summary>
/// Place names of Hägersten-Älvsjö as they appear in police texts: the 17 stadsdelar, and local names that are not
/// stadsdelar. A local name is placed by a coordinate of its metro station or centre (approximate, from public maps),
/// assigned to its stadsdel by point-in-polygon on the city's boundaries — so the mapping follows the official map.
/// </summary>
public sealed class Gazetteer
{
    public static readonly IReadOnlyList<(string Name, double Lat, double Lon)> LocalNames =
    [
        ("Telefonplan", 59.2983, 17.9972),
        ("Axelsberg", 59.3044, 17.9757),
        ("Örnsberg", 59.3055, 17.9893),
        ("Lövholmen", 59.3138, 18.0195),
        ("Marievik", 59.3102, 18.0300),
        ("Årstadal", 59.3057, 18.0325),
    ];

    private readonly Regex pattern;

    /// <param name="neighbourhoods">The names of the stadsdelar.</param>
    public Gazetteer(IEnumerable<string> neighbourhoods)
    {
        // Longest first, so that "Hägerstensåsen" is found before "Hägersten"; whole words only, letters of Swedish included.
        var names = neighbourhoods.Concat(LocalNames.Select(l => l.Name)).OrderByDescending(n => n.Length).Select(Regex.Escape);
        pattern = new Regex($@"(?<![\p{{L}}\p{{N}}])({string.Join('|', names)})(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant);
    }

    /// <summary>The first place of the district named in the text.</summary>
    public string? FirstPlaceIn(string text) => pattern.Match(text) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>The stadsdel of a place name: itself for a stadsdel, by point-in-polygon for a local name.</summary>
    public static async Task<string?> SlugOfAsync(string place, AreaLocator locator, CancellationToken ct)
    {
        foreach (var (name, lat, lon) in LocalNames)
            if (name == place) return (await locator.LocateAsync(lat, lon, ct))?.Slug;
        return AreaSeed.Slugify(place);
    }
}
