namespace Trygghet.Api.Infrastructure;

/// <summary>Stockholm's local time: how times are shown and exported (stored and sent as UTC instants with offset).</summary>
public static class Time
{
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Stockholm);

    /// <summary>Midnight at the start of a day in Stockholm, as an instant (UTC).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Stockholm.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
