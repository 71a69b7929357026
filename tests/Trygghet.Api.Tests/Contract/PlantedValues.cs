using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Trygghet.Api.Tests.Contract;

/// <summary>The kinds of personal data a resident might type where they should not.</summary>
public enum PlantKind { PersonalIdentityNumber, PhoneNumber, Email, StreetAddress }

/// <summary>One value planted into one field of one operation; <see cref="Number"/> makes it unique and traceable.</summary>
public sealed record Plant(int Number, string OperationId, string Field, PlantKind Kind, string Value)
{
    public string Origin => $"{OperationId}.{Field}";
}

/// <summary>
/// The planted values and the search for them. Every value carries its own three-digit number, so a value found in an
/// answer names the operation and field it was typed into: a valid personal identity number <c>19811218-NNNC</c> (Luhn
/// check digit C), a mobile number <c>070-NNN 45 67</c>, an address <c>anna.planterad.NNN@example.se</c> and a street
/// address <c>Sedelvägen NNN</c>. A value is found when its digits appear in the digits of a text (so also written
/// <c>+46 70 NNN 45 67</c> or <c>811218NNNC</c>), its e-mail's local part appears, or the street with its number: patterns
/// that each match the value as typed, which <see cref="Add"/> checks for every value.
/// </summary>
public sealed partial class PlantedValues
{
    private const int FirstNumber = 100;
    private readonly List<Plant> plants = [];

    public IReadOnlyList<Plant> All => plants;

    public Plant Add(string operationId, string field, PlantKind kind)
    {
        var number = FirstNumber + plants.Count;
        if (number > 999) throw new InvalidOperationException("More plants than three-digit numbers.");
        var plant = new Plant(number, operationId, field, kind, ValueOf(kind, number));
        plants.Add(plant);
        // The search goes by patterns; each must find the value exactly as typed, and written the ways an answer might write it.
        foreach (var written in new[] { plant.Value, plant.Value.Replace(' ', '\u00A0'), WebUtility.HtmlEncode(plant.Value), $"Se {plant.Value.ToUpperInvariant()}." })
            if (!FoundIn(written).Contains((kind, plant))) throw new InvalidOperationException($"The search misses '{written}'.");
        return plant;
    }

    public static string Describe(PlantKind kind) => kind switch
    {
        PlantKind.PersonalIdentityNumber => "a personal identity number",
        PlantKind.PhoneNumber => "a phone number",
        PlantKind.Email => "an e-mail address",
        _ => "a street address",
    };

    private static string ValueOf(PlantKind kind, int number) => kind switch
    {
        PlantKind.PersonalIdentityNumber => $"19811218-{number:D3}{CheckDigit($"811218{number:D3}")}",
        PlantKind.PhoneNumber => $"070-{number:D3} 45 67",
        PlantKind.Email => $"anna.planterad.{number:D3}@example.se",
        _ => $"Sedelvägen {number:D3}",
    };

    /// <summary>The Luhn check digit of the nine digits YYMMDDNNN, so the number is one the confidentiality filter must catch.</summary>
    private static int CheckDigit(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    [GeneratedRegex(@"811218(\d{3})\d")]
    private static partial Regex IdentityDigits();

    [GeneratedRegex(@"70(\d{3})4567")]
    private static partial Regex PhoneDigits();

    [GeneratedRegex(@"anna\.planterad\.(\d{3})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailLocalPart();

    [GeneratedRegex(@"sedelvägen\s*(?:nr\.?\s*)?(\d{3})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Street();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>What of the planted values one decoded text shows: the kind found, and the plant when its number is known.</summary>
    public IEnumerable<(PlantKind Kind, Plant? Plant)> FoundIn(string text)
    {
        var found = new HashSet<(PlantKind, Plant?)>();
        // Every planted value holds digits (its number), and so does every escape of one (&#49;, \u0031).
        if (!text.Any(char.IsAsciiDigit)) return found;
        foreach (var variant in Variants(text))
        {
            var digits = string.Concat(variant.Where(char.IsAsciiDigit));
            Collect(found, IdentityDigits(), digits, PlantKind.PersonalIdentityNumber);
            Collect(found, PhoneDigits(), digits, PlantKind.PhoneNumber);
            Collect(found, EmailLocalPart(), variant, PlantKind.Email);
            Collect(found, Street(), variant, PlantKind.StreetAddress);
        }
        return found;
    }

    private void Collect(HashSet<(PlantKind, Plant?)> found, Regex pattern, string text, PlantKind kind)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var number = int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var plant = plants.FirstOrDefault(p => p.Number == number && p.Kind == kind);
            // Digits that only look like a plant's (another kind's number, or none planted) still count: better a false alarm than a miss.
            found.Add((kind, plant));
        }
    }

    /// <summary>The text as given, HTML-decoded, and with every run of whitespace (no-break spaces included) as one space.</summary>
    private static IEnumerable<string> Variants(string text)
    {
        var decoded = text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
        return new[] { text, decoded, Whitespace().Replace(decoded, " ") }.Distinct();
    }
}

/// <summary>
/// The strings a public answer shows, decoded from its representation so that no escape hides a value: JSON string
/// values (and numbers) after parsing, iCalendar property lines unfolded and unescaped, XML text and attribute values
/// (Atom, Open311), CSV cells, and anything else as it is.
/// </summary>
public static class PublicText
{
    public static IEnumerable<string> Strings(string? mediaType, string body)
    {
        mediaType ??= "";
        if (mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase)) return Json(body);
        if (mediaType.Equals("text/calendar", StringComparison.OrdinalIgnoreCase)) return Calendar(body);
        if (mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase)) return Xml(body);
        if (mediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)) return Csv(body);
        return [body];
    }

    public static IEnumerable<string> Json(string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return [body];
        }
        var strings = new List<string>();
        Walk(root, strings);
        return strings;
    }

    private static void Walk(JsonNode? node, List<string> strings)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o) Walk(value, strings);
                break;
            case JsonArray a:
                foreach (var item in a) Walk(item, strings);
                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                strings.Add(v.GetValue<string>());
                break;
            case JsonValue v:
                strings.Add(v.ToJsonString());
                break;
        }
    }

    /// <summary>RFC 5545: lines folded with CRLF and a space or tab are one line; <c>\n \, \; \\</c> are escapes.</summary>
    public static IEnumerable<string> Calendar(string body)
    {
        var unfolded = body.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal)
            .Replace("\n ", "", StringComparison.Ordinal).Replace("\n\t", "", StringComparison.Ordinal);
        foreach (var line in unfolded.Split('\n'))
        {
            var text = new StringBuilder(line.Length);
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '\\' && i + 1 < line.Length)
                {
                    var next = line[++i];
                    text.Append(next is 'n' or 'N' ? '\n' : next);
                }
                else if (line[i] != '\r') text.Append(line[i]);
            }
            yield return text.ToString();
        }
    }

    public static IEnumerable<string> Xml(string body)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(body);
        }
        catch (System.Xml.XmlException)
        {
            return [body];
        }
        // Text nodes (CDATA included) and attributes come back XML-decoded; HTML carried as text (Atom's type="html") is
        // decoded once more when each string is searched.
        return document.DescendantNodes().OfType<XText>().Select(t => t.Value)
            .Concat(document.Descendants().SelectMany(e => e.Attributes()).Select(a => a.Value))
            .ToList();
    }

    /// <summary>RFC 4180 cells: quoted cells may hold separators, line breaks and doubled quotes.</summary>
    public static IEnumerable<string> Csv(string body)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < body.Length && body[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c is ',' or ';' or '\n' or '\r') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells.Where(c => c.Length > 0);
    }
}
