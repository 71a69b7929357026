using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Trygghet.Api.Infrastructure;

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
    private static readonly SearchValues<char> AddressCharacters = SearchValues.Create("._%+-0123456789");
    private static readonly SearchValues<char> PhoneStart = SearchValues.Create("0123456789+");

    /// <summary>
    /// Findings in order of <see cref="PersonalDataFlag.Start"/>, never overlapping. When two detectors claim overlapping
    /// text the more specific one wins: identity/coordination number, then e-mail, then phone, then street address.
    /// Any string gives an answer; offsets always point into <paramref name="text"/> as given, whatever was normalised.
    /// </summary>
    public static IReadOnlyList<PersonalDataFlag> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return [];

        // Residents type on phones in many scripts: full-width digits, Arabic-Indic digits, ligatures, no-break spaces.
        // The detectors read a normalised copy and every finding is mapped back to the characters it came from.
        var normalised = MappedText.Normalise(text);
        var deobfuscated = Deobfuscate(normalised);

        // Listed in order of precedence, so the first claim on a stretch of text is the one kept.
        var candidates = new List<PersonalDataFlag>();
        candidates.AddRange(IdentityNumbers(normalised.Text).Select(normalised.ToOriginal));
        candidates.AddRange(Emails(normalised.Text).Select(normalised.ToOriginal));
        candidates.AddRange(ObfuscatedEmails(deobfuscated).Select(deobfuscated.Text.ToOriginal));
        candidates.AddRange(PhoneNumbers(normalised.Text).Select(normalised.ToOriginal));
        candidates.AddRange(StreetAddresses(normalised.Text).Select(normalised.ToOriginal));

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

    /// <summary>A text the detectors read, derived from the resident's text, with the stretch of it each character came from.</summary>
    private sealed class MappedText
    {
        private readonly int[]? _starts;
        private readonly int[]? _ends;

        private MappedText(string text, int[]? starts, int[]? ends) => (Text, _starts, _ends) = (text, starts, ends);

        public string Text { get; }

        public PersonalDataFlag ToOriginal(PersonalDataFlag flag)
        {
            if (_starts is null || _ends is null) return flag;
            var start = _starts[flag.Start];
            return flag with { Start = start, Length = _ends[flag.Start + flag.Length - 1] - start };
        }

        /// <summary>
        /// NFKC, then every decimal digit of any script as its ASCII digit and every dash as a hyphen. Each user-perceived character (text element)
        /// is normalised on its own, so whatever it becomes maps back to all of it and a highlight never splits one.
        /// </summary>
        public static MappedText Normalise(string original)
        {
            if (Ascii.IsValid(original)) return new MappedText(original, null, null);
            var builder = new Builder(original.Length);
            for (var at = 0; at < original.Length;)
            {
                var length = StringInfo.GetNextTextElementLength(original.AsSpan(at));
                if (length == 1 && char.IsAscii(original[at])) builder.Append(original[at], at, at + 1);
                else builder.AppendNormalised(original.Substring(at, length), at, at + length);
                at += length;
            }
            return builder.Build();
        }

        /// <summary>This text with each match of <paramref name="pattern"/> replaced by the one character <paramref name="replacement"/> gives, told where it goes.</summary>
        public MappedText ReplaceEach(Regex pattern, Func<Match, int, char> replacement)
        {
            var builder = new Builder(Text.Length);
            var copied = 0;
            foreach (Match match in pattern.Matches(Text))
            {
                CopyTo(builder, copied, match.Index);
                builder.Append(replacement(match, builder.Length), StartOf(match.Index), EndOf(match.Index + match.Length - 1));
                copied = match.Index + match.Length;
            }
            CopyTo(builder, copied, Text.Length);
            return builder.Build();
        }

        private void CopyTo(Builder builder, int from, int to)
        {
            for (var i = from; i < to; i++) builder.Append(Text[i], StartOf(i), EndOf(i));
        }

        private int StartOf(int index) => _starts is null ? index : _starts[index];

        private int EndOf(int index) => _ends is null ? index + 1 : _ends[index];

        private sealed class Builder(int capacity)
        {
            private readonly StringBuilder _text = new(capacity);
            private readonly List<int> _starts = new(capacity);
            private readonly List<int> _ends = new(capacity);

            // Normalising calls into ICU; a text repeats its letters, so each distinct text element is normalised once.
            private readonly Dictionary<string, string> _normalForms = new(StringComparer.Ordinal);

            public int Length => _text.Length;

            public void Append(char c, int start, int end)
            {
                _text.Append(c);
                _starts.Add(start);
                _ends.Add(end);
            }

            public void AppendNormalised(string element, int start, int end)
            {
                if (!_normalForms.TryGetValue(element, out var normal)) _normalForms[element] = normal = NormalForm(element);
                for (var i = 0; i < normal.Length;)
                {
                    var status = Rune.DecodeFromUtf16(normal.AsSpan(i), out var rune, out var consumed);
                    if (status == OperationStatus.Done && Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
                        Append((char)('0' + (int)Rune.GetNumericValue(rune)), start, end);
                    // Word processors turn "811218-9876" into an en dash or a non-breaking hyphen; every dash reads as '-'.
                    else if (status == OperationStatus.Done && (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DashPunctuation || rune.Value == 0x2212))
                        Append('-', start, end);
                    else
                        for (var k = 0; k < consumed; k++) Append(normal[i + k], start, end);
                    i += consumed;
                }
            }

            private static string NormalForm(string element)
            {
                try
                {
                    return element.Normalize(NormalizationForm.FormKC);
                }
                catch (ArgumentException)
                {
                    // Lone surrogates cannot be normalised; they are read as written and never part of a finding.
                    return element;
                }
            }

            public MappedText Build() => new(_text.ToString(), [.. _starts], [.. _ends]);
        }
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
    // Both are also written with a space between the date and the last four. [0-9], not \d: normalisation leaves no other
    // digits, and int arithmetic below must never meet one.
    [GeneratedRegex(
        @"(?<![0-9])(?:(?<century>18|19|20)(?<yy>[0-9]{2})(?<mm>[0-9]{2})(?<dd>[0-9]{2})(?<separator>[- ]?)(?<tail>[0-9]{4})"
        + @"|(?<yy>[0-9]{2})(?<mm>[0-9]{2})(?<dd>[0-9]{2})(?<separator>[-+ ]?)(?<tail>[0-9]{4}))(?![0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex IdentityNumber();

    private static IEnumerable<PersonalDataFlag> IdentityNumbers(string text)
    {
        foreach (Match match in IdentityNumber().Matches(text))
        {
            // With a space, the number must stand alone: "08 811218 9876" or "811218 9876 12" are digit groups of something else.
            if (match.Groups["separator"].ValueSpan is " " && (IsDigitGroupBefore(text, match.Index) || IsDigitGroupAfter(text, match.Index + match.Length)))
                continue;
            var yy = TwoDigits(match.Groups["yy"].ValueSpan);
            var month = TwoDigits(match.Groups["mm"].ValueSpan);
            var day = TwoDigits(match.Groups["dd"].ValueSpan);
            // Coordination numbers carry the day of birth plus 60.
            var kind = day > 60 ? PersonalDataKind.CoordinationNumber : PersonalDataKind.PersonalIdentityNumber;
            if (kind == PersonalDataKind.CoordinationNumber) day -= 60;
            // Without a century, 2000 + yy is leap whenever 19yy or 20yy could be, so 29 February is never refused wrongly.
            var year = match.Groups["century"].Success ? TwoDigits(match.Groups["century"].ValueSpan) * 100 + yy : 2000 + yy;
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) continue;
            var tenDigits = string.Concat(match.Groups["yy"].Value, match.Groups["mm"].Value, match.Groups["dd"].Value, match.Groups["tail"].Value);
            // A wrong check digit is far more often an order or case number than a mistyped identity number.
            if (!HasValidCheckDigit(tenDigits)) continue;
            yield return new PersonalDataFlag(kind, match.Index, match.Length);
        }
    }

    private static int TwoDigits(ReadOnlySpan<char> digits) => (digits[0] - '0') * 10 + digits[1] - '0';

    private static bool IsDigitGroupBefore(string text, int start) =>
        start >= 2 && text[start - 1] is ' ' or '-' && char.IsAsciiDigit(text[start - 2]);

    private static bool IsDigitGroupAfter(string text, int end) =>
        end + 1 < text.Length && text[end] is ' ' or '-' && char.IsAsciiDigit(text[end + 1]);

    // Pragmatic rather than RFC 5322: letters of any script (å, ä, ö) in both parts, and a top-level domain of letters.
    // Each part is a run of one character class, so matching stays linear on long input.
    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}_%+\-]+(?:\.[\p{L}\p{N}_%+\-]+)*@(?:[\p{L}\p{N}\-]+\.)+\p{L}{2,}(?![\p{L}\p{N}\-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    private static IEnumerable<PersonalDataFlag> Emails(string text) =>
        Email().Matches(text).Select(m => new PersonalDataFlag(PersonalDataKind.Email, m.Index, m.Length));

    /// <summary>How an at sign was written where it was not written as "@" alone.</summary>
    private enum WrittenAt { Obfuscated, Word }

    /// <summary>The normalised text with obfuscated at signs and dots written as "@" and ".", and how each rewritten at sign was written.</summary>
    private sealed record DeobfuscatedText(MappedText Text, Dictionary<int, WrittenAt> Ats);

    // Addresses written so that harvesters miss them: "anna (at) exempel.se", "anna[at]exempel[dot]se", "anna snabel-a
    // exempel punkt se", "anna at exempel.se", "anna @ exempel.se". Each alternative starts only where a run of spaces
    // starts and takes its spaces atomically, so a long run of spaces is read once.
    [GeneratedRegex(
        @"(?<![ ])(?>[ ]*)[(\[{<](?>[ ]*)(?:(?<at>(?i:at|snabel-?a))|(?<dot>(?i:dot|punkt)))(?>[ ]*)[)\]}>](?>[ ]*)"
        + @"|(?<![ ])(?>[ ]+)(?:(?<word>(?i:at))|(?<at>(?i:snabel-a))|(?<dot>(?i:dot|punkt)))(?>[ ]+)(?=[\p{L}\p{N}])"
        + @"|(?<![ ])(?>[ ]+)(?<at>@)(?>[ ]*)|(?<at>@)(?>[ ]+)",
        RegexOptions.CultureInvariant)]
    private static partial Regex ObfuscatedAtOrDot();

    private static DeobfuscatedText Deobfuscate(MappedText normalised)
    {
        var ats = new Dictionary<int, WrittenAt>();
        var text = normalised.ReplaceEach(ObfuscatedAtOrDot(), (match, at) =>
        {
            if (match.Groups["dot"].Success) return '.';
            ats[at] = match.Groups["word"].Success ? WrittenAt.Word : WrittenAt.Obfuscated;
            return '@';
        });
        return new DeobfuscatedText(text, ats);
    }

    // Words that come before "at" and a web address in English prose ("more at polisen.se", "look at it.Now"): not the
    // local part of an address.
    private static readonly HashSet<string> ProseBeforeAt = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "me", "us", "you", "we", "he", "him", "she", "her", "they", "them", "it", "this", "that", "here", "there",
        "is", "are", "was", "were", "be", "been", "am", "also", "only", "now", "up", "out", "off", "home", "online",
        "look", "looking", "looked", "see", "seen", "saw", "meet", "met", "find", "found", "read", "visit", "check", "click",
        "go", "join", "follow", "contact", "reach", "email", "mail", "write", "call", "apply", "book", "buy", "shop", "order",
        "register", "sign", "vote", "watch", "listen", "live", "lives", "work", "works", "stay", "arrive", "arrived",
        "available", "information", "info", "details", "more", "news", "tickets", "posted", "published", "listed", "reported",
        "located", "sold", "anyone", "someone", "somebody", "people", "everyone", "good", "better", "best", "bad",
    };

    private static IEnumerable<PersonalDataFlag> ObfuscatedEmails(DeobfuscatedText deobfuscated)
    {
        foreach (Match match in Email().Matches(deobfuscated.Text.Text))
        {
            // An address with nothing obfuscated is found in the normalised text already, which takes precedence.
            var address = match.ValueSpan;
            var atIndex = address.IndexOf('@');
            var local = address[..atIndex];
            var domain = address[(atIndex + 1)..];
            // A web address is not a mail domain, however the at sign was written.
            if (domain.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) continue;
            if (deobfuscated.Ats.TryGetValue(match.Index + atIndex, out var written) && written == WrittenAt.Word)
            {
                // "at" is an English word: the part before it must look like an address, not prose, and a top-level domain
                // in title case is a sentence that lost its space after the full stop ("look at it.Now").
                if (local.IndexOfAny(AddressCharacters) < 0 && ProseBeforeAt.Contains(local.ToString())) continue;
                var topLevel = domain[(domain.LastIndexOf('.') + 1)..];
                if (char.IsUpper(topLevel[0]) && topLevel[1..].ToString().Any(char.IsLower)) continue;
            }
            yield return new PersonalDataFlag(PersonalDataKind.Email, match.Index, match.Length);
        }
    }

    // Opening hours written "0800-1700" or "08.00–17.00" are valid Stockholm numbers to libphonenumber (08-001 700).
    [GeneratedRegex(@"^(?:[01][0-9]|2[0-3])[.:]?[0-5][0-9]\s*[-–]\s*(?:[01][0-9]|2[0-3])[.:]?[0-5][0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRange();

    // Dates written "08.12.2024" or "08-12-2024" are valid Stockholm numbers to libphonenumber (08-122 024).
    [GeneratedRegex(@"^(?:0?[1-9]|[12][0-9]|3[01])[.\-/](?:0?[1-9]|1[0-2])[.\-/](?:19|20)?[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    // Digit groups joined by single spaces or dashes: what libphonenumber reads as one candidate. Starting only where a
    // run starts, with atomic groups, keeps a long unbroken digit run linear instead of quadratic.
    [GeneratedRegex(@"(?<![0-9+])(?>\+?[0-9]+)(?:[ \u00A0\-–](?>[0-9]+))+", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroups();

    [GeneratedRegex(@"\+?[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroup();

    // Amounts are the one place long space-grouped runs are common ("5 020 000 000 kr").
    [GeneratedRegex(@"^\s*(?:kr|kronor|sek|:-)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Currency();

    /// <summary>The longest a Swedish number gets, written with 0046 in front.</summary>
    private const int MaxPhoneDigits = 15;

    private static List<PersonalDataFlag> PhoneNumbers(string text)
    {
        var found = new List<PersonalDataFlag>();
        var covered = new bool[text.Length];
        foreach (var match in Phones.FindNumbers(text, "SE", PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            var (start, length) = TrimUnbalancedParentheses(text, match.Start, match.Length);
            if (!IsPlausiblePhoneNumber(text.AsSpan(start, length))) continue;
            found.Add(new PersonalDataFlag(PersonalDataKind.PhoneNumber, start, length));
            covered.AsSpan(start, length).Fill(true);
        }

        // libphonenumber reads a number glued by a space to other digits ("kl 18 070-123 45 67", "070-123 45 67 2 gånger",
        // two numbers in a row) as one over-long candidate and drops it; its inner-match retry only splits at a few
        // punctuation marks. So the runs it gave up on are retried from each group that starts with 0 or +, taking the
        // longest stretch libphonenumber itself parses as valid. Starting only after whitespace keeps dates out
        // ("2024-05-12 0800": "05-12 0800" would be a valid Vara number).
        var validity = new Dictionary<string, bool>();
        foreach (Match run in DigitGroups().Matches(text))
        {
            if (covered.AsSpan(run.Index, run.Length).Contains(true)) continue;
            if (Currency().IsMatch(text.AsSpan(run.Index + run.Length))) continue;
            var runText = run.Value;
            var groups = DigitGroup().Matches(runText);
            for (var first = 0; first < groups.Count; first++)
            {
                var head = groups[first];
                // A number starts with a trunk 0 and an area code, or with +: never with a lone "0" or "+".
                if (head.Length < 2 || head.Value[0] is not ('0' or '+') || (first > 0 && !char.IsWhiteSpace(runText[head.Index - 1]))) continue;
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
                    if (!IsPlausiblePhoneNumber(candidate)) continue;
                    // Parsing is the expensive step; text that repeats itself repeats its candidates.
                    var key = candidate.ToString();
                    if (!validity.TryGetValue(key, out var valid)) validity[key] = valid = IsValidSwedishOrInternational(key);
                    if (valid) longest = last;
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
        var firstDigit = raw.IndexOfAny(PhoneStart);
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
        + @"[ \u00A0]+(?:(?i:nr|nummer)\.?[ \u00A0]*)?(?<number>[0-9]{1,4})(?:[A-Ha-h]|[ \u00A0][A-H])?(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant)]
    private static partial Regex StreetAddress();

    // What follows the number decides whether it is a house number: "takhöjden 3 meter", "Fruängsgången 12 personer",
    // "Telefonplan 18.30" are not addresses.
    [GeneratedRegex(
        @"^(?:[.,:][0-9]|\s*(?:%|(?i:st|m|cm|mm|km|km/h|kr|kg|ton|kronor|meter|procent|personer|pers|minuter|min|timmar|tim|h|sekunder|sek|gånger|ggr|år|dagar|veckor|månader|bilar|barn|ungdomar|elever|lägenheter|våningar|varv|grader)(?![\p{L}\p{N}])))",
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
