namespace Trygghet.Api.Features.Events;

/// <summary>
/// Swedish public holidays (lag 1989:253 om allmänna helgdagar, with the National Day) and the eves people keep free
/// (julafton, nyårsafton, midsommarafton, påskafton, valborgsmässoafton, pingstafton, trettondagsafton, allhelgonaafton),
/// computed for any year: Easter by the Gregorian computus, Midsummer and All Saints on the Saturday of their week.
/// </summary>
public static class SwedishHolidays
{
    /// <summary>The public holidays and eves of a year, each with its Swedish name.</summary>
    public static IReadOnlyDictionary<DateOnly, string> Of(int year)
    {
        var easter = Easter(year);
        var midsummer = SaturdayFrom(new DateOnly(year, 6, 20));
        var allSaints = SaturdayFrom(new DateOnly(year, 10, 31));
        return new Dictionary<DateOnly, string>
        {
            [new DateOnly(year, 1, 1)] = "nyårsdagen",
            [new DateOnly(year, 1, 5)] = "trettondagsafton",
            [new DateOnly(year, 1, 6)] = "trettondedag jul",
            [easter.AddDays(-3)] = "skärtorsdagen",
            [easter.AddDays(-2)] = "långfredagen",
            [easter.AddDays(-1)] = "påskafton",
            [easter] = "påskdagen",
            [easter.AddDays(1)] = "annandag påsk",
            [new DateOnly(year, 4, 30)] = "valborgsmässoafton",
            [new DateOnly(year, 5, 1)] = "första maj",
            [easter.AddDays(39)] = "Kristi himmelfärdsdag",
            [easter.AddDays(48)] = "pingstafton",
            [easter.AddDays(49)] = "pingstdagen",
            [new DateOnly(year, 6, 6)] = "Sveriges nationaldag",
            [midsummer.AddDays(-1)] = "midsommarafton",
            [midsummer] = "midsommardagen",
            [allSaints.AddDays(-1)] = "allhelgonaafton",
            [allSaints] = "alla helgons dag",
            [new DateOnly(year, 12, 24)] = "julafton",
            [new DateOnly(year, 12, 25)] = "juldagen",
            [new DateOnly(year, 12, 26)] = "annandag jul",
            [new DateOnly(year, 12, 31)] = "nyårsafton",
        };
    }

    /// <summary>True on a public holiday or the eve of one.</summary>
    public static bool IsHolidayOrEve(DateOnly date) => Of(date.Year).ContainsKey(date);

    /// <summary>Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly SaturdayFrom(DateOnly first) => first.AddDays(((int)DayOfWeek.Saturday - (int)first.DayOfWeek + 7) % 7);
}
