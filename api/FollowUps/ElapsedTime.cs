namespace OutlookFollowUp.FollowUps;

/// <summary>Rule 4's clock: wall-clock hours, or in business-days mode only the hours that fall Monday to Friday in a time zone.</summary>
public static class ElapsedTime
{
    public static TimeSpan Between(DateTimeOffset from, DateTimeOffset to, bool businessDays, TimeZoneInfo zone) =>
        businessDays ? BusinessHours(from, to, zone) : to - from;

    /// <summary>Walks local days in the zone (DST-aware) and adds the part of each weekday inside [from, to).</summary>
    public static TimeSpan BusinessHours(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var total = TimeSpan.Zero;
        var cursor = from.ToUniversalTime();
        var end = to.ToUniversalTime();
        while (cursor < end)
        {
            var local = TimeZoneInfo.ConvertTime(cursor, zone);
            var nextMidnight = StartOfLocalDay(local.Date.AddDays(1), zone);
            if (nextMidnight <= cursor)
            {
                // A zone rule that makes the next local midnight not later than now: step an hour to stay finite.
                nextMidnight = cursor.AddHours(1);
            }

            var segmentEnd = nextMidnight < end ? nextMidnight : end;
            if (local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                total += segmentEnd - cursor;
            }

            cursor = segmentEnd;
        }

        return total;
    }

    /// <summary>The first instant of a local date: skips a DST gap at midnight, takes the earlier of an ambiguous midnight.</summary>
    private static DateTimeOffset StartOfLocalDay(DateTime localMidnight, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
