using System.Globalization;
using System.Text;

namespace Trygghet.Api.Features.Places;

/// <summary>
/// How a typed text matches a place name: accent- and case-insensitive (<c>alvsjo</c> finds Älvsjö, as a resident
/// types on a phone without Swedish letters), punctuation and hyphens as spaces, and ranked exact → name starts with
/// the text → a word of the name starts with it → the name contains it.
/// </summary>
public static class PlaceNames
{
    public const int Exact = 0;
    public const int Prefix = 1;
    public const int WordPrefix = 2;
    public const int Contains = 3;

    /// <summary>Lower case without diacritics (å, ä → a; ö → o; é → e), letters and digits only, single spaces between words.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) folded.Append(char.ToLowerInvariant(c));
            else if (folded.Length > 0 && folded[^1] != ' ') folded.Append(' ');
        }
        return folded.ToString().TrimEnd();
    }

    /// <summary>How well the folded <paramref name="name"/> matches the folded <paramref name="query"/> (lower is better), or null when it does not.</summary>
    public static int? Match(string name, string query)
    {
        if (query.Length == 0) return null;
        if (name == query) return Exact;
        if (name.StartsWith(query, StringComparison.Ordinal)) return Prefix;
        var at = name.IndexOf(query, StringComparison.Ordinal);
        if (at < 0) return null;
        for (; at >= 0; at = name.IndexOf(query, at + 1, StringComparison.Ordinal))
            if (name[at - 1] == ' ') return WordPrefix;
        return Contains;
    }

    /// <summary>The best match among a place's names, or null when none matches.</summary>
    public static int? Best(IEnumerable<string> foldedNames, string query) =>
        foldedNames.Select(n => Match(n, query)).Where(s => s is not null).DefaultIfEmpty(null).Min();
}
