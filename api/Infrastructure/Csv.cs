using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// The one way the API writes CSV (RFC 4180: comma-separated, a header line, CRLF line ends), safe to open in a
/// spreadsheet set to Swedish, where the list separator is the semicolon:
/// <list type="bullet">
/// <item>a field is quoted when it holds a comma, a semicolon, a double quote, CR or LF, with its quotes doubled;</item>
/// <item>a field that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR would be read as a formula, so it is
/// prefixed with a single quote (<c>'=1+1</c>), unless it is a plain number such as <c>-12.5</c>, which stays a number.</item>
/// </list>
/// </summary>
public static partial class Csv
{
    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var csv = new StringBuilder().AppendJoin(',', header.Select(Field)).Append("\r\n");
        foreach (var row in rows) csv.AppendJoin(',', row.Select(v => Field(Text(v)))).Append("\r\n");
        return csv.ToString();
    }

    /// <summary>One field as written: neutralised if it would start a formula, then quoted if it needs to be.</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value)) value = "'" + value;
        return value.AsSpan().IndexOfAny(",;\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>Digits with an optional minus, decimal point and exponent, as invariant formatting writes numbers.</summary>
    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex PlainNumber();

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
