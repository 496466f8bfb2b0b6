namespace OutlookFollowUp.Digest;

/// <summary>
/// When a user's digest goes out: on a working day (Monday to Friday), from the start of the working day (09:00) until
/// its end (17:00), in the user's time zone. The first round after 09:00 sends it; an instance that was down at 09:00
/// still sends it later that morning, never after the working day ended.
/// </summary>
internal static class DigestSchedule
{
    public static readonly TimeSpan DayStart = TimeSpan.FromHours(9);
    public static readonly TimeSpan DayEnd = TimeSpan.FromHours(17);

    /// <summary>The user's local date when <paramref name="now"/> falls in working hours, or null.</summary>
    public static DateOnly? DayToSend(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || local.TimeOfDay < DayStart || local.TimeOfDay >= DayEnd)
        {
            return null;
        }

        return DateOnly.FromDateTime(local.DateTime);
    }
}
