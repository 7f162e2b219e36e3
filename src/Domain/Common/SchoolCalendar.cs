namespace Ent77.Domain.Common;

/// <summary>The schools' time zone: a day (a birth date, a code's expiry on a letter, a date of the terms) is a day in Paris.</summary>
public static class SchoolCalendar
{
    public static TimeZoneInfo TimeZone { get; } = FindParis();

    /// <summary>The calendar day in Paris at <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary><paramref name="instant"/> in Paris time.</summary>
    public static DateTimeOffset InParis(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Local;
        }
        catch (InvalidTimeZoneException)
        {
            return TimeZoneInfo.Local;
        }
    }
}
