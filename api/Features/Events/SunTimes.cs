using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>
/// Sunrise and sunset by the NOAA solar calculator's equations (Meeus, "Astronomical Algorithms"): the sun's apparent
/// position for the day, the equation of time, and the hour angle at which its centre is 0.833° below the horizon
/// (refraction and the sun's radius). Accurate to about a minute at Stockholm's latitude, which is ample for deciding
/// whether a walk happens in daylight.
/// </summary>
public static class SunTimes
{
    /// <summary>Stockholm (Hägersten-Älvsjö), used when a walk has no meeting point on the map.</summary>
    public const double StockholmLat = 59.33, StockholmLon = 18.07;

    /// <summary>Sunrise and sunset (UTC) on a local Stockholm date at a place; null in polar day or night.</summary>
    public static (DateTimeOffset Sunrise, DateTimeOffset Sunset)? On(DateOnly date, double lat = StockholmLat, double lon = StockholmLon)
    {
        var julianDay = date.DayNumber - DateOnly.FromDateTime(new DateTime(2000, 1, 1)).DayNumber + 2451544.5; // 0h UTC
        var rise = UtcMinutes(true, julianDay, lat, lon);
        var set = UtcMinutes(false, julianDay, lat, lon);
        if (rise is not { } r || set is not { } s) return null;
        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return (midnight.AddMinutes(r), midnight.AddMinutes(s));
    }

    /// <summary>Sunrise and sunset on the Stockholm date of an instant.</summary>
    public static (DateTimeOffset Sunrise, DateTimeOffset Sunset)? OnDateOf(DateTimeOffset at, double lat = StockholmLat, double lon = StockholmLon) =>
        On(DateOnly.FromDateTime(Time.Local(at).DateTime), lat, lon);

    /// <summary>Minutes after 0h UTC; refined once with the time of the first estimate, as NOAA's calculator does.</summary>
    private static double? UtcMinutes(bool rise, double julianDay, double lat, double lon)
    {
        if (Estimate(rise, julianDay, lat, lon) is not { } first) return null;
        return Estimate(rise, julianDay + first / 1440.0, lat, lon);
    }

    private static double? Estimate(bool rise, double julianDay, double lat, double lon)
    {
        var t = (julianDay - 2451545.0) / 36525.0;
        var (declination, equationOfTime) = Sun(t);
        var cosHourAngle = Math.Cos(Rad(90.833)) / (Math.Cos(Rad(lat)) * Math.Cos(declination)) - Math.Tan(Rad(lat)) * Math.Tan(declination);
        if (cosHourAngle is < -1 or > 1) return null;
        var hourAngle = Deg(Math.Acos(cosHourAngle)) * (rise ? 1 : -1);
        return 720 - 4 * (lon + hourAngle) - equationOfTime;
    }

    /// <summary>The sun's declination (radians) and the equation of time (minutes) at <paramref name="t"/> Julian centuries from J2000.</summary>
    private static (double Declination, double EquationOfTime) Sun(double t)
    {
        var meanLongitude = Rad(Normalise(280.46646 + t * (36000.76983 + t * 0.0003032)));
        var meanAnomaly = Rad(357.52911 + t * (35999.05029 - 0.0001537 * t));
        var eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
        var centre = Math.Sin(meanAnomaly) * (1.914602 - t * (0.004817 + 0.000014 * t))
            + Math.Sin(2 * meanAnomaly) * (0.019993 - 0.000101 * t) + Math.Sin(3 * meanAnomaly) * 0.000289;
        var omega = Rad(125.04 - 1934.136 * t);
        var apparentLongitude = Rad(Deg(meanLongitude) + centre - 0.00569 - 0.00478 * Math.Sin(omega));
        var meanObliquity = 23 + (26 + (21.448 - t * (46.8150 + t * (0.00059 - t * 0.001813))) / 60) / 60;
        var obliquity = Rad(meanObliquity + 0.00256 * Math.Cos(omega));
        var declination = Math.Asin(Math.Sin(obliquity) * Math.Sin(apparentLongitude));

        var y = Math.Pow(Math.Tan(obliquity / 2), 2);
        var equation = y * Math.Sin(2 * meanLongitude) - 2 * eccentricity * Math.Sin(meanAnomaly)
            + 4 * eccentricity * y * Math.Sin(meanAnomaly) * Math.Cos(2 * meanLongitude)
            - 0.5 * y * y * Math.Sin(4 * meanLongitude) - 1.25 * eccentricity * eccentricity * Math.Sin(2 * meanAnomaly);
        return (declination, Deg(equation) * 4);
    }

    private static double Normalise(double degrees) => ((degrees % 360) + 360) % 360;

    private static double Rad(double degrees) => degrees * Math.PI / 180;

    private static double Deg(double radians) => radians * 180 / Math.PI;
}

/// <summary>
/// Whether a walk's light condition holds: a daylight walk lies wholly between sunrise and sunset; a walk in darkness
/// lies at least partly outside them. Reckoned at the meeting point when it is on the map, else in central Stockholm.
/// Where the sun neither rises nor sets that day (beyond the polar circles) the check does not apply.
/// </summary>
public static class LightCheck
{
    /// <summary>True when the planned light condition agrees with the sun on the walk's date.</summary>
    public static bool Holds(LightCondition planned, DateTimeOffset startsAt, DateTimeOffset endsAt, double? lat, double? lon) =>
        Sun(startsAt, lat, lon) is null || WhollyInDaylight(startsAt, endsAt, lat, lon) == (planned == LightCondition.Daylight);

    /// <summary>
    /// What residents are told: the planned condition when it holds; otherwise the sun's verdict when the walk lies wholly
    /// in daylight or wholly in darkness, and nothing when it spans sunrise or sunset.
    /// </summary>
    public static LightCondition? Public(LightCondition? planned, DateTimeOffset startsAt, DateTimeOffset endsAt, double? lat, double? lon) =>
        planned is not { } p ? null
        : Holds(p, startsAt, endsAt, lat, lon) ? p
        : Actual(startsAt, endsAt, lat, lon);

    /// <summary>Daylight or darkness when the whole walk is one or the other; null when it spans sunrise or sunset.</summary>
    public static LightCondition? Actual(DateTimeOffset startsAt, DateTimeOffset endsAt, double? lat, double? lon)
    {
        if (WhollyInDaylight(startsAt, endsAt, lat, lon)) return LightCondition.Daylight;
        return WhollyInDarkness(startsAt, endsAt, lat, lon) ? LightCondition.Darkness : null;
    }

    private static bool WhollyInDaylight(DateTimeOffset startsAt, DateTimeOffset endsAt, double? lat, double? lon) =>
        Sun(startsAt, lat, lon) is { } sun && startsAt >= sun.Sunrise && endsAt <= sun.Sunset;

    private static bool WhollyInDarkness(DateTimeOffset startsAt, DateTimeOffset endsAt, double? lat, double? lon) =>
        Sun(startsAt, lat, lon) is { } sun && (endsAt <= sun.Sunrise || startsAt >= sun.Sunset);

    private static (DateTimeOffset Sunrise, DateTimeOffset Sunset)? Sun(DateTimeOffset at, double? lat, double? lon) =>
        lat is { } la && lon is { } lo ? SunTimes.OnDateOf(at, la, lo) : SunTimes.OnDateOf(at);
}
