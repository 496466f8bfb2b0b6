using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Digest;

/// <summary>
/// When a user's digest goes out: on one of their working days, from the start of their working hours until the end,
/// in the working hours' time zone (Outlook's <c>mailboxSettings.workingHours</c>, see <see cref="DigestHours"/>).
/// The first round after the start sends it; an instance that was down then still sends it later that day, never after
/// the working hours ended. Without working hours: Monday to Friday, 09:00 to 17:00, in the user's time zone.
/// </summary>
internal static class DigestSchedule
{
    public static WorkingHours Fallback(TimeZoneInfo zone) => WorkingHours.Default(zone);

    /// <summary>
    /// The local date of the working day <paramref name="now"/> falls in, or null outside working hours. Hours that end
    /// past midnight (22:00–06:00) belong to the day they started on.
    /// </summary>
    public static DateOnly? DayToSend(DateTimeOffset now, WorkingHours hours)
    {
        var local = TimeZoneInfo.ConvertTime(now, hours.TimeZone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        var date = DateOnly.FromDateTime(local);
        if (hours.Start < hours.End)
        {
            return time >= hours.Start && time < hours.End && hours.Days.Contains(local.DayOfWeek) ? date : null;
        }

        if (time >= hours.Start)
        {
            return hours.Days.Contains(local.DayOfWeek) ? date : null;
        }

        var started = date.AddDays(-1);
        return time < hours.End && hours.Days.Contains(started.DayOfWeek) ? started : null;
    }
}
