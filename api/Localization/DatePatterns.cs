namespace OutlookFollowUp.Localization;

/// <summary>
/// One language's date patterns (.NET custom patterns, formatted with the language's culture): the digest's days and
/// times, and the away note's short forms ("Thu 3 Dec", "Fri 09:00", "Fri 11 Dec 09:00").
/// </summary>
public sealed record DatePatterns(
    string Day, string DayTime,
    string ShortDay = "ddd d MMM", string WeekdayTime = "ddd HH:mm", string ShortDayTime = "ddd d MMM HH:mm")
{
    public static readonly IReadOnlyDictionary<string, DatePatterns> ByLanguage = new Dictionary<string, DatePatterns>(StringComparer.Ordinal)
    {
        ["en"] = new(Day: "ddd, MMM d", DayTime: "ddd, MMM d, h:mm tt"),
        ["it"] = new(Day: "ddd d MMM", DayTime: "ddd d MMM, HH:mm"),
        ["de"] = new(Day: "ddd, d. MMM", DayTime: "ddd, d. MMM, HH:mm", ShortDay: "ddd, d. MMM", WeekdayTime: "ddd, HH:mm", ShortDayTime: "ddd, d. MMM, HH:mm"),
        ["fr"] = new(Day: "ddd d MMM", DayTime: "ddd d MMM, HH:mm"),
        ["es"] = new(Day: "ddd d MMM", DayTime: "ddd d MMM, H:mm"),
    };
}
