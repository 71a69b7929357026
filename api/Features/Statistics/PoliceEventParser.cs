using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>One event of the Police's open events API, read and interpreted.</summary>
/// <param name="IncidentAt">When it happened, from the text of <c>name</c>; null when the name gives no time.</param>
/// <param name="Kommun">The kommun; null when the API names only a län.</param>
/// <param name="Type">The type in its documented spelling; <see cref="TypeRaw"/> keeps what the API sent.</param>
/// <param name="Place">The Hägersten-Älvsjö place named in the text, as written, when the event is placed.</param>
/// <param name="Slug">The stadsdel the event is placed in.</param>
/// <param name="Unplaced">Why it is not placed.</param>
public sealed record PoliceEvent(long Id, DateTimeOffset PublishedAt, DateTimeOffset? IncidentAt, string Name, string Summary, string? Url,
    string Type, string TypeRaw, string? Kommun, string? LocationName, string? Gps, string? Place, string? Slug, PlacementReason? Unplaced);

/// <summary>Why one element of an import was not taken.</summary>
/// <param name="Index">Position in the submitted array (0-based).</param>
/// <param name="Id">The police event id, when it could be read.</param>
/// <param name="Reason">What was wrong with it.</param>
public sealed record ImportSkip(int Index, long? Id, string Reason);

/// <summary>
/// Reads the Police's event format, both eras: until about 2026-01-20 <c>location.name</c> was usually the kommun; since
/// then it is the län and the kommun is only the last part of <c>name</c>. <c>datetime</c> is the publication time with an
/// unpadded hour (<c>2026-08-22 8:13:44 +02:00</c>); the incident time is in <c>name</c> (<c>18 augusti 10.42, Inbrott,
/// Stockholm</c>, older events with <c>12:33</c>) without a year, which is inferred from the publication.
/// </summary>
public static partial class PoliceEventParser
{
    private static readonly string[] Months =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    [GeneratedRegex(@"^(?<day>\d{1,2}) (?<month>[a-zåäö]+)(?: (?<hour>\d{1,2})[.:](?<minute>\d{2}))?\s*,", RegexOptions.CultureInvariant)]
    private static partial Regex NamePrefix();

    public static (PoliceEvent? Event, ImportSkip? Skip) Parse(JsonElement element, int index, PoliceEventTypes types, Gazetteer gazetteer)
    {
        if (element.ValueKind != JsonValueKind.Object) return (null, new ImportSkip(index, null, "not an object"));
        long? id = element.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.Number && idValue.TryGetInt64(out var n) && n > 0 ? n : null;
        ImportSkip Skip(string reason) => new(index, id, reason);
        if (id is null) return (null, Skip("missing or invalid id"));

        var datetime = Text(element, "datetime");
        if (datetime is null || !DateTimeOffset.TryParseExact(datetime, "yyyy-MM-dd H:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var published))
            return (null, Skip($"datetime '{datetime}' is not yyyy-MM-dd H:mm:ss zzz"));
        var name = Text(element, "name");
        if (string.IsNullOrWhiteSpace(name)) return (null, Skip("missing name"));
        var typeRaw = Text(element, "type");
        if (string.IsNullOrWhiteSpace(typeRaw)) return (null, Skip("missing type"));
        var summary = Text(element, "summary") ?? "";

        string? locationName = null, gps = null;
        if (element.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Object)
        {
            locationName = Text(location, "name");
            gps = Text(location, "gps");
        }
        var kommun = Kommun(locationName, name);
        var placement = Placement.Of(summary, name, kommun, InStockholmsLän(locationName, name), gazetteer);

        return (new PoliceEvent(id.Value, published, IncidentTime(name, published), name.Trim(), summary.Trim(), Text(element, "url"),
            types.Normalise(typeRaw), typeRaw, kommun, locationName, gps, placement.Place, placement.Slug, placement.Unplaced), null);
    }

    /// <summary>
    /// <c>18 augusti 10.42</c> in Stockholm time, in the year that puts it at or before the publication (an event of
    /// 31 december published on 1 january belongs to the year before).
    /// </summary>
    public static DateTimeOffset? IncidentTime(string name, DateTimeOffset published)
    {
        var match = NamePrefix().Match(name.Trim());
        if (!match.Success) return null;
        var month = Array.IndexOf(Months, match.Groups["month"].Value) + 1;
        if (month == 0) return null;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var hour = match.Groups["hour"].Success ? int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59) return null;

        var publishedLocal = Time.Local(published);
        foreach (var year in new[] { publishedLocal.Year, publishedLocal.Year - 1 })
        {
            if (day > DateTime.DaysInMonth(year, month)) continue;
            var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
            if (Time.Stockholm.IsInvalidTime(local)) local = local.AddHours(1); // inside the hour skipped in spring
            var instant = new DateTimeOffset(local, Time.Stockholm.GetUtcOffset(local));
            if (instant <= published.AddDays(1)) return instant;
        }
        return null;
    }

    /// <summary>The kommun: <c>location.name</c> unless that is a län, else the last part of <c>name</c> unless that is a län too.</summary>
    public static string? Kommun(string? locationName, string name)
    {
        if (!string.IsNullOrWhiteSpace(locationName) && !IsLän(locationName)) return locationName.Trim();
        var last = name.Split(',').Last().Trim();
        return last.Length == 0 || IsLän(last) ? null : last;
    }

    /// <summary>Whether the län named, in <c>location.name</c> or as the last part of <c>name</c>, is Stockholms län.</summary>
    public static bool InStockholmsLän(string? locationName, string name) =>
        string.Equals(locationName?.Trim(), "Stockholms län", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name.Split(',').Last().Trim(), "Stockholms län", StringComparison.OrdinalIgnoreCase);

    private static bool IsLän(string name) => name.TrimEnd().EndsWith(" län", StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>The documented spellings of police event types (embedded <c>Data/polisen/event-types.csv</c>).</summary>
public sealed class PoliceEventTypes
{
    private readonly Dictionary<string, string> canonical = new(StringComparer.OrdinalIgnoreCase);

    public PoliceEventTypes()
    {
        var assembly = typeof(PoliceEventTypes).Assembly;
        using var stream = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith("event-types.csv", StringComparison.Ordinal)))!;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var rows = new List<(string Type, bool Documented)>();
        while (reader.ReadLine() is { } line)
        {
            var columns = line.Split(',');
            if (columns.Length >= 2) rows.Add((columns[0], columns[1] == "true"));
        }
        foreach (var (type, _) in rows.OrderByDescending(r => r.Documented))
            canonical.TryAdd(Collapse(type), Collapse(type));
    }

    /// <summary>True for a type of the police's list, spelled as they spell it.</summary>
    public bool IsListed(string type) => canonical.TryGetValue(type, out var listed) && listed == type;

    /// <summary>Trailing spaces and case drift folded onto the documented spelling; an unknown type keeps its own, tidied.</summary>
    public string Normalise(string raw)
    {
        var type = Collapse(raw);
        return canonical.TryGetValue(type, out var known) ? known : type.Length == 0 ? type : char.ToUpperInvariant(type[0]) + type[1..];
    }

    private static string Collapse(string text) => Regex.Replace(text.Trim(), @"\s+", " ");
}
