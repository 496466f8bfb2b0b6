namespace OutlookFollowUp.Localization;

/// <summary>
/// The server's messages, each a key in the catalogs (<see cref="Catalog.Key"/>). Each is a whole sentence or heading
/// in every language, never a piece of one; a counted one picks its form by <c>{count}</c>.
/// </summary>
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
