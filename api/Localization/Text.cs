namespace OutlookFollowUp.Localization;

/// <summary>
/// One whole message with named <c>{placeholders}</c>. <see cref="One"/> is the singular form of a message counted by
/// <c>{count}</c> (the form may say the number in words and leave <c>{count}</c> out); <see cref="Other"/> every other.
/// </summary>
public sealed record Text(string Other, string? One = null);

/// <summary>The server's messages. Each is a whole sentence or heading in every language, never a piece of one.</summary>
public enum TextKey
{
    DigestSubject,
    DigestDueHeading,
    DigestTheirsHeading,
    DigestMineHeading,
    DigestDueLine,
    DigestTheirsLine,
    DigestTheirsGroupLine,
    DigestMineLine,
    DigestMore,
    DigestFooter,
    NoSubject,

    /// <summary>The message a Teams chat opens with (the escalation ladder's other channel).</summary>
    TeamsChatMessage,
    TeamsChatMessageNoSubject,

    /// <summary>A reminder held while everyone it waits on is away ({names}: <see cref="ListAnd"/>; counted by names).</summary>
    AwayMoved,

    /// <summary>A reminder kept at its time: an automatic reply with no end date is on (counted by names).</summary>
    AwayReplyOn,

    /// <summary>Answered in a Teams one-on-one chat ({name}, {when}: weekday and time).</summary>
    RouteTeams,

    /// <summary>Answered by a meeting that took place ({name}, {when}).</summary>
    RouteMet,

    /// <summary>A colleague answered for the person waited on ({name} the colleague, {names} those answered for).</summary>
    RouteColleague,

    /// <summary>A reminder held for a meeting ahead ({names}, {day}: the meeting's weekday, {movedTo}: the new time).</summary>
    RouteMeetingHeld,

    /// <summary>The digest's section of reminders answered another way than by mail.</summary>
    DigestAnsweredHeading,

    /// <summary>One of them: {subject} and {how}, one of the Route sentences.</summary>
    DigestAnsweredLine,

    /// <summary>The last two items of a list of names: "{first} and {last}" (the others before them, by commas).</summary>
    ListAnd,
}

/// <summary>
/// One language's messages and its date patterns (.NET custom patterns, formatted with the language's culture): the
/// digest's days and times, and the away note's short forms ("Thu 3 Dec", "Fri 09:00", "Fri 11 Dec 09:00").
/// </summary>
public sealed record LanguageTexts(
    IReadOnlyDictionary<TextKey, Text> Texts, string DayPattern, string DayTimePattern,
    string ShortDayPattern = "ddd d MMM", string WeekdayTimePattern = "ddd HH:mm", string ShortDayTimePattern = "ddd d MMM HH:mm");
