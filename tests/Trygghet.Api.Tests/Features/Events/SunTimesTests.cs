using System.Globalization;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Tests.Features.Events;

/// <summary>Sunrise and sunset in Stockholm (59.33 N, 18.07 E), and the light check of walks built on them.</summary>
public sealed class SunTimesTests
{
    /// <summary>
    /// Local (Europe/Stockholm) sunrise and sunset, to ±2 minutes.
    /// Midsummer and midwinter: published times for Stockholm (timeanddate.com, SMHI).
    /// The daylight-saving change days and the days before them: the US Naval Observatory's sunrise/sunset algorithm
    /// ("Almanac for Computers", 1990), computed independently of the NOAA equations under test; it gives the published
    /// midsummer and midwinter times above to the minute.
    /// </summary>
    [Theory]
    [InlineData("2027-06-21", "03:31", "22:08")] // midsummer, CEST
    [InlineData("2026-12-21", "08:44", "14:48")] // midwinter, CET
    [InlineData("2027-03-27", "05:30", "18:18")] // the last day of CET
    [InlineData("2027-03-28", "06:27", "19:20")] // summer time begins: the clock jumps an hour, the sun does not
    [InlineData("2027-10-30", "08:01", "17:01")] // the last day of CEST
    [InlineData("2027-10-31", "07:03", "15:58")] // summer time ends
    public void Sunrise_and_sunset_in_Stockholm_match_published_times(string date, string sunrise, string sunset)
    {
        var (rise, set) = SunTimes.On(DateOnly.Parse(date, CultureInfo.InvariantCulture))!.Value;

        AssertNear(date, sunrise, rise);
        AssertNear(date, sunset, set);
    }

    private static void AssertNear(string date, string expected, DateTimeOffset actual)
    {
        var local = Time.Local(actual);
        var wanted = DateTime.Parse($"{date}T{expected}", CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), DateOnly.FromDateTime(local.DateTime));
        Assert.InRange((local.DateTime - wanted).TotalMinutes, -2, 2);
    }

    private static DateTimeOffset Stockholm(string local) =>
        new(DateTime.Parse(local, CultureInfo.InvariantCulture), Time.Stockholm.GetUtcOffset(DateTime.Parse(local, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2027-01-14T17:00", 90, LightCondition.Daylight, false)] // a January walk at five is in the dark
    [InlineData("2027-01-14T17:00", 90, LightCondition.Darkness, true)]
    [InlineData("2027-01-14T11:00", 90, LightCondition.Daylight, true)]
    [InlineData("2027-01-14T11:00", 90, LightCondition.Darkness, false)] // wholly in daylight
    [InlineData("2027-06-21T20:00", 90, LightCondition.Daylight, true)] // midsummer: light until after ten
    [InlineData("2027-06-21T21:00", 90, LightCondition.Daylight, false)] // ends 22:30, after sunset
    [InlineData("2027-06-21T21:00", 90, LightCondition.Darkness, true)]
    [InlineData("2027-03-28T17:30", 90, LightCondition.Daylight, true)] // the first evening of summer time: sunset ≈19:20
    [InlineData("2027-03-27T17:30", 90, LightCondition.Daylight, false)] // the evening before: sunset ≈18:18
    [InlineData("2027-10-31T15:00", 90, LightCondition.Daylight, false)] // the first afternoon of winter time: sunset ≈15:58
    [InlineData("2027-10-30T15:00", 90, LightCondition.Daylight, true)]
    public void A_walk_light_condition_holds_only_as_the_sun_has_it(string starts, int minutes, LightCondition planned, bool holds)
    {
        var start = Stockholm(starts);

        Assert.Equal(holds, LightCheck.Holds(planned, start, start.AddMinutes(minutes), null, null));
    }

    [Fact]
    public void Residents_are_told_the_light_the_walk_will_have()
    {
        var january = Stockholm("2027-01-14T17:00");
        var dusk = Stockholm("2027-01-14T14:30");
        var noon = Stockholm("2027-01-14T11:00");

        Assert.Equal(LightCondition.Darkness, LightCheck.Public(LightCondition.Daylight, january, january.AddMinutes(90), null, null));
        Assert.Null(LightCheck.Public(LightCondition.Daylight, dusk, dusk.AddMinutes(90), null, null)); // spans sunset: neither
        Assert.Equal(LightCondition.Darkness, LightCheck.Public(LightCondition.Darkness, dusk, dusk.AddMinutes(90), null, null));
        Assert.Equal(LightCondition.Daylight, LightCheck.Public(LightCondition.Darkness, noon, noon.AddMinutes(90), null, null));
        Assert.Null(LightCheck.Public(null, noon, noon.AddMinutes(90), null, null));
    }

    [Fact]
    public void The_meeting_point_moves_the_sun()
    {
        // Kiruna in midwinter: the sun does not rise at all.
        Assert.Null(SunTimes.On(new DateOnly(2026, 12, 21), 67.85, 20.23));
        var (stockholm, _) = SunTimes.On(new DateOnly(2026, 12, 21))!.Value;
        var (gothenburg, _) = SunTimes.On(new DateOnly(2026, 12, 21), 57.71, 11.97)!.Value;
        Assert.InRange((gothenburg - stockholm).TotalMinutes, 5, 30); // further west: the sun rises later
    }
}
