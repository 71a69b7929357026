using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Trygghet.Api.Features.Questions;

/// <summary>Why a text looks like it holds personal data.</summary>
public enum PersonalDataKind { PersonalIdentityNumber, CoordinationNumber, PhoneNumber, Email, StreetAddress }

/// <summary>One finding: what kind, and where in the text (UTF-16 offsets) so a moderator's screen can highlight it.</summary>
public sealed record PersonalDataFlag(PersonalDataKind Kind, int Start, int Length);

/// <summary>
/// Finds what looks like personal data in a resident's free-text question before it is published: personal identity and
/// coordination numbers, phone numbers, e-mail addresses and street addresses with a house number. It is a hint for a
/// moderator, so it leans towards flagging, but it must stay quiet on what residents legitimately write about: places
/// without a number, years, prices, times, bus lines and case numbers.
/// </summary>
public static partial class ConfidentialityFilter
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Findings in order of <see cref="PersonalDataFlag.Start"/>, never overlapping. When two detectors claim overlapping
    /// text the more specific one wins: identity/coordination number, then e-mail, then phone, then street address.
    /// </summary>
    public static IReadOnlyList<PersonalDataFlag> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return [];

        // Listed in order of precedence, so the first claim on a stretch of text is the one kept.
        var candidates = new List<PersonalDataFlag>();
        candidates.AddRange(IdentityNumbers(text));
        candidates.AddRange(Emails(text));
        candidates.AddRange(PhoneNumbers(text));
        candidates.AddRange(StreetAddresses(text));

        var claimed = new bool[text.Length];
        var kept = new List<PersonalDataFlag>();
        foreach (var candidate in candidates)
        {
            var span = claimed.AsSpan(candidate.Start, candidate.Length);
            if (span.Contains(true)) continue;
            span.Fill(true);
            kept.Add(candidate);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    /// <summary>Luhn check over the 10-digit form (YYMMDDNNNC) — public so tests can use it.</summary>
    public static bool HasValidCheckDigit(string tenDigits)
    {
        ArgumentNullException.ThrowIfNull(tenDigits);
        if (tenDigits.Length != 10 || !tenDigits.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10 == tenDigits[9] - '0';
    }

    // The 12-digit form takes only '-' (the century says the age); the 10-digit form takes '+' for people aged 100 or more.
    [GeneratedRegex(@"(?<!\d)(?:(?<century>18|19|20)(?<yy>\d\d)(?<mm>\d\d)(?<dd>\d\d)-?(?<tail>\d{4})|(?<yy>\d\d)(?<mm>\d\d)(?<dd>\d\d)[-+]?(?<tail>\d{4}))(?!\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex IdentityNumber();

    private static IEnumerable<PersonalDataFlag> IdentityNumbers(string text)
    {
        foreach (Match match in IdentityNumber().Matches(text))
        {
            var yy = int.Parse(match.Groups["yy"].ValueSpan);
            var month = int.Parse(match.Groups["mm"].ValueSpan);
            var day = int.Parse(match.Groups["dd"].ValueSpan);
            // Coordination numbers carry the day of birth plus 60.
            var kind = day > 60 ? PersonalDataKind.CoordinationNumber : PersonalDataKind.PersonalIdentityNumber;
            if (kind == PersonalDataKind.CoordinationNumber) day -= 60;
            // Without a century, 2000 + yy is leap whenever 19yy or 20yy could be, so 29 February is never refused wrongly.
            var year = match.Groups["century"].Success ? int.Parse(match.Groups["century"].ValueSpan) * 100 + yy : 2000 + yy;
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) continue;
            var tenDigits = string.Concat(match.Groups["yy"].Value, match.Groups["mm"].Value, match.Groups["dd"].Value, match.Groups["tail"].Value);
            // A wrong check digit is far more often an order or case number than a mistyped identity number.
            if (!HasValidCheckDigit(tenDigits)) continue;
            yield return new PersonalDataFlag(kind, match.Index, match.Length);
        }
    }

    // Pragmatic rather than RFC 5322: letters of any script (å, ä, ö) in both parts, and a top-level domain of letters.
    // Each part is a run of one character class, so matching stays linear on long input.
    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}_%+\-]+(?:\.[\p{L}\p{N}_%+\-]+)*@(?:[\p{L}\p{N}\-]+\.)+\p{L}{2,}(?![\p{L}\p{N}\-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    private static IEnumerable<PersonalDataFlag> Emails(string text) =>
        Email().Matches(text).Select(m => new PersonalDataFlag(PersonalDataKind.Email, m.Index, m.Length));

    // Opening hours written "0800-1700" or "08.00–17.00" are valid Stockholm numbers to libphonenumber (08-001 700).
    [GeneratedRegex(@"^(?:[01]\d|2[0-3])[.:]?[0-5]\d\s*[-–]\s*(?:[01]\d|2[0-3])[.:]?[0-5]\d$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRange();

    // Dates written "08.12.2024" or "08-12-2024" are valid Stockholm numbers to libphonenumber (08-122 024).
    [GeneratedRegex(@"^(?:0?[1-9]|[12]\d|3[01])[.\-/](?:0?[1-9]|1[0-2])[.\-/](?:19|20)?\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    // Digit groups joined by single spaces or dashes: what libphonenumber reads as one candidate. Starting only where a
    // run starts, with atomic groups, keeps a long unbroken digit run linear instead of quadratic.
    [GeneratedRegex(@"(?<![\d+])(?>\+?\d+)(?:[ \u00A0\-–](?>\d+))+", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroups();

    [GeneratedRegex(@"\+?\d+", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroup();

    // Amounts are the one place long space-grouped runs are common ("5 020 000 000 kr").
    [GeneratedRegex(@"^\s*(?:kr|kronor|sek|:-)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Currency();

    /// <summary>The longest a Swedish number gets, written with 0046 in front.</summary>
    private const int MaxPhoneDigits = 15;

    private static List<PersonalDataFlag> PhoneNumbers(string text)
    {
        var found = new List<PersonalDataFlag>();
        foreach (var match in Phones.FindNumbers(text, "SE", PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            var (start, length) = TrimUnbalancedParentheses(text, match.Start, match.Length);
            if (IsPlausiblePhoneNumber(text.AsSpan(start, length)))
                found.Add(new PersonalDataFlag(PersonalDataKind.PhoneNumber, start, length));
        }

        // libphonenumber reads a number glued by a space to other digits ("kl 18 070-123 45 67", "070-123 45 67 2 gånger",
        // two numbers in a row) as one over-long candidate and drops it; its inner-match retry only splits at a few
        // punctuation marks. So the runs it gave up on are retried from each group that starts with 0 or +, taking the
        // longest stretch libphonenumber itself parses as valid. Starting only after whitespace keeps dates out
        // ("2024-05-12 0800": "05-12 0800" would be a valid Vara number).
        foreach (Match run in DigitGroups().Matches(text))
        {
            if (found.Exists(f => f.Start < run.Index + run.Length && run.Index < f.Start + f.Length)) continue;
            if (Currency().IsMatch(text.AsSpan(run.Index + run.Length))) continue;
            var runText = run.Value;
            var groups = DigitGroup().Matches(runText);
            for (var first = 0; first < groups.Count; first++)
            {
                var head = groups[first];
                if (head.Value[0] is not ('0' or '+') || (first > 0 && !char.IsWhiteSpace(runText[head.Index - 1]))) continue;
                // After a short group, groups of exactly three digits are thousands of an amount ("5 020 000 000").
                var thousands = first > 0 && groups[first - 1].Length <= 3;
                var longest = -1;
                var digits = 0;
                for (var last = first; last < groups.Count; last++)
                {
                    digits += CountDigits(groups[last].ValueSpan);
                    if (digits > MaxPhoneDigits) break;
                    thousands &= groups[last].Length == 3;
                    if (thousands) continue;
                    var candidate = runText.AsSpan(head.Index, groups[last].Index + groups[last].Length - head.Index);
                    if (IsPlausiblePhoneNumber(candidate) && IsValidSwedishOrInternational(candidate.ToString())) longest = last;
                }
                if (longest < 0) continue;
                var end = groups[longest].Index + groups[longest].Length;
                found.Add(new PersonalDataFlag(PersonalDataKind.PhoneNumber, run.Index + head.Index, end - head.Index));
                first = longest;
            }
        }
        return found;
    }

    private static bool IsPlausiblePhoneNumber(ReadOnlySpan<char> raw)
    {
        // Swedes always write a number with the trunk 0 or an international + / 00. libphonenumber also accepts a bare
        // run starting with the country code 46, which in a question is far more likely an amount or a reference.
        var firstDigit = raw.IndexOfAny("0123456789+");
        if (firstDigit < 0 || raw[firstDigit] is not ('0' or '+')) return false;
        // No dialable Swedish number is shorter; a guard against short counts and codes if the metadata ever allows them.
        if (CountDigits(raw) < 7) return false;
        return !TimeRange().IsMatch(raw) && !DayMonthYear().IsMatch(raw);
    }

    private static bool IsValidSwedishOrInternational(string candidate)
    {
        try
        {
            return Phones.IsValidNumber(Phones.Parse(candidate, "SE"));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private static int CountDigits(ReadOnlySpan<char> span)
    {
        var count = 0;
        foreach (var c in span)
            if (char.IsAsciiDigit(c)) count++;
        return count;
    }

    /// <summary>libphonenumber keeps an opening parenthesis that belongs to the prose ("(0701234567 dagtid)"), which would highlight it.</summary>
    private static (int Start, int Length) TrimUnbalancedParentheses(string text, int start, int length)
    {
        var raw = text.AsSpan(start, length);
        var open = raw.Count('(');
        var close = raw.Count(')');
        if (open > close && raw[0] == '(') return (start + 1, length - 1);
        if (close > open && raw[^1] == ')') return (start, length - 1);
        return (start, length);
    }

    private const string StreetSuffixes =
        "gatan|gata|vägen|väg|gången|gränd|stigen|backen|backe|allén|allé|torget|torg|plan|leden|slingan|platsen|terrassen|kajen|stråket|promenaden|liden|höjden|branten";

    // Names like "Drottning Kristinas väg" or "Bo Bergmans gata" write the suffix as a word of its own after a genitive. Only the
    // indefinite forms are taken, so "hela gatan 3 gånger" and "kommunens plan 3" stay quiet.
    private const string StandaloneSuffixes = "väg|gata|gränd|backe|allé|torg";

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}\-])(?:(?:(?i:västra|östra|norra|södra|stora|lilla|nedre|övre|gamla|nya|sankt|s:t)[ \u00A0]+)?"
        + @"(?:(?i:älvsjö[ \u00A0]+gårdsväg)|(?:\p{Lu}\p{Ll}+[ \u00A0]+)?\p{Lu}\p{Ll}+s[ \u00A0]+(?i:" + StandaloneSuffixes + @")|(?<word>\p{L}{2,}?(?i:" + StreetSuffixes + @"))))"
        + @"[ \u00A0]+(?:(?i:nr|nummer)\.?[ \u00A0]*)?(?<number>\d{1,4})(?:[A-Ha-h]|[ \u00A0][A-H])?(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant)]
    private static partial Regex StreetAddress();

    // What follows the number decides whether it is a house number: "takhöjden 3 meter", "Fruängsgången 12 personer",
    // "Telefonplan 18.30" are not addresses.
    [GeneratedRegex(
        @"^(?:[.,:]\d|\s*(?:%|(?i:st|m|cm|mm|km|km/h|kr|kg|ton|kronor|meter|procent|personer|pers|minuter|min|timmar|tim|h|sekunder|sek|gånger|ggr|år|dagar|veckor|månader|bilar|barn|ungdomar|elever|lägenheter|våningar|varv|grader)(?![\p{L}\p{N}])))",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotAHouseNumber();

    // Common nouns that end in a street suffix and are often followed by a number: an entrance, a stairwell, a floor,
    // a plan of the municipality, a national road. Compared as whole words: "Blomvägen" must not be caught by "omvägen".
    private static readonly HashSet<string> CommonNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "ingången", "uppgången", "utgången", "nedgången", "övergången", "genomgången", "tillgången", "omgången", "förgången",
        "våningsplan", "detaljplan", "handlingsplan", "åtgärdsplan", "tidsplan", "arbetsplan", "verksamhetsplan", "översiktsplan",
        "trygghetsplan", "säkerhetsplan", "insatsplan", "budgetplan", "trafikplan", "bottenplan", "entréplan", "markplan", "källarplan",
        "takhöjden", "frihöjden", "fallhöjden", "ståhöjden",
        "parkeringsplatsen", "arbetsplatsen", "brottsplatsen", "hållplatsen", "busshållplatsen", "lekplatsen", "mötesplatsen", "olycksplatsen",
        "riksväg", "riksvägen", "länsväg", "länsvägen", "motorväg", "motorvägen", "europaväg", "omväg", "omvägen", "genväg", "genvägen",
        "cykelväg", "cykelvägen", "gångväg", "gångvägen",
        "huvudleden", "farleden", "cykelleden", "vandringsleden",
        "pulkabacken", "kälkbacken", "slalombacken", "uppförsbacken", "nedförsbacken",
        "gågata", "gågatan",
    };

    private static IEnumerable<PersonalDataFlag> StreetAddresses(string text)
    {
        foreach (Match match in StreetAddress().Matches(text))
        {
            var word = match.Groups["word"];
            if (word.Success)
            {
                if (CommonNouns.Contains(word.Value)) continue;
                // "-plan" makes endless common nouns (handlingsplan, tidsplan …); squares named so (Telefonplan) are proper nouns.
                if (word.Value.EndsWith("plan", StringComparison.OrdinalIgnoreCase) && !char.IsUpper(word.Value[0])) continue;
            }
            var number = match.Groups["number"].Value;
            // House numbers in the thousands that read as a year ("Telefonplan 2024") are years.
            if (number.Length == 4 && number[..2] is "19" or "20") continue;
            if (NotAHouseNumber().IsMatch(text.AsSpan(match.Index + match.Length))) continue;
            yield return new PersonalDataFlag(PersonalDataKind.StreetAddress, match.Index, match.Length);
        }
    }
}
