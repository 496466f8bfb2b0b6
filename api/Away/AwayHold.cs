using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Localization;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Away;

/// <summary>
/// The hold rule, pure: a reminder whose counterparts are ALL away (automatic reply on now) waits; with a scheduled end
/// for every one of them, it moves to the first working hour after the latest end; if any has no end date, it keeps its
/// time and says whose automatic reply is on. One counterpart not away: nothing to say.
/// </summary>
public static class AwayHold
{
    /// <summary>How far ahead a working hour is looked for (a week with no working day at all would never end).</summary>
    private const int MaxDaysAhead = 14;

    /// <param name="texts">The user's language for the note (English when null).</param>
    public static AwayNote? Decide(
        IReadOnlyList<MailAddress> counterparts, IReadOnlyDictionary<string, AutomaticReply> replies, DateTimeOffset now, WorkingHours hours,
        ServerTexts? texts = null)
    {
        texts ??= ServerTexts.For(null);
        if (counterparts.Count == 0)
        {
            return null;
        }

        var away = new List<(MailAddress Who, AutomaticReply Reply)>();
        foreach (var who in counterparts)
        {
            if (!replies.TryGetValue(who.Address, out var reply) || !reply.AwayAt(now))
            {
                return null; // one is there: the thread is not waiting on an absence
            }

            away.Add((who, reply));
        }

        var names = away.Select(a => string.IsNullOrWhiteSpace(a.Who.Name) ? a.Who.Address : a.Who.Name!.Trim()).ToList();
        var open = away.Where(a => a.Reply.End is null).Select(a => string.IsNullOrWhiteSpace(a.Who.Name) ? a.Who.Address : a.Who.Name!.Trim()).ToList();
        if (open.Count > 0)
        {
            return new AwayNote(open, null, null, texts.Format(TextKey.AwayReplyOn, open.Count, ("names", texts.List(open))));
        }

        var until = away.Max(a => a.Reply.End!.Value);
        var movedTo = FirstWorkingInstant(until, hours);
        var back = LastDayAway(until, hours.TimeZone);
        var moved = TimeZoneInfo.ConvertTime(movedTo, hours.TimeZone);
        var far = moved.Date - TimeZoneInfo.ConvertTime(now, hours.TimeZone).Date > TimeSpan.FromDays(6);
        return new AwayNote(
            names, until.ToUniversalTime(), movedTo.ToUniversalTime(),
            texts.Format(TextKey.AwayMoved, names.Count,
                ("names", texts.List(names)), ("until", texts.ShortDay(back)), ("movedTo", texts.WeekdayTime(moved, withDay: far))));
    }

    /// <summary>
    /// <paramref name="instant"/> itself when it falls inside working hours, else the start of the next working day,
    /// in the user's time zone. With no working day set, the instant itself.
    /// </summary>
    public static DateTimeOffset FirstWorkingInstant(DateTimeOffset instant, WorkingHours hours)
    {
        if (hours.Days.Count == 0 || hours.End <= hours.Start)
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, hours.TimeZone);
        for (var day = 0; day <= MaxDaysAhead; day++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(day);
            if (!hours.Days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var start = At(date, hours.Start, hours.TimeZone);
            var end = At(date, hours.End, hours.TimeZone);
            if (instant < start)
            {
                return start;
            }

            if (instant < end)
            {
                return instant;
            }
        }

        return instant;
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by a clock change moves past the gap.</summary>
    private static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The last day of the absence: an end at midnight means the day before was the last one away.</summary>
    private static DateTimeOffset LastDayAway(DateTimeOffset end, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(end, zone);
        return local.TimeOfDay == TimeSpan.Zero ? local.AddDays(-1) : local;
    }
}
