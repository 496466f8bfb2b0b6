namespace OutlookFollowUp.Localization;

internal static partial class Catalogs
{
    private static LanguageTexts English() => new(new Dictionary<TextKey, Text>
    {
        [TextKey.DigestSubject] = new("{count} follow-ups to look at today", One: "1 follow-up to look at today"),
        [TextKey.DigestDueHeading] = new("Reminders due ({count})"),
        [TextKey.DigestTheirsHeading] = new("Waiting on them ({count})"),
        [TextKey.DigestMineHeading] = new("Waiting on you ({count})"),
        [TextKey.DigestDueLine] = new("{subject} — due since {date}"),
        [TextKey.DigestTheirsLine] = new("{subject} — you wrote to {name} on {date}"),
        [TextKey.DigestTheirsGroupLine] = new("{subject} — you wrote to {name} and {count} others on {date}", One: "{subject} — you wrote to {name} and one other person on {date}"),
        [TextKey.DigestMineLine] = new("{subject} — {name} wrote to you on {date}"),
        [TextKey.DigestMore] = new("And {count} more in the Follow-ups pane.", One: "And one more in the Follow-ups pane."),
        [TextKey.DigestFooter] = new("You get this mail because the morning digest is on in the Follow-ups settings."),
        [TextKey.NoSubject] = new("(no subject)"),
        [TextKey.TeamsChatMessage] = new("Hi, I'm following up on my email \"{subject}\". Could you have a look?"),
        [TextKey.TeamsChatMessageNoSubject] = new("Hi, I'm following up on my email. Could you have a look?"),
        [TextKey.AwayMoved] = new("{names} are away until {until}; reminder moved to {movedTo}", One: "{names} is away until {until}; reminder moved to {movedTo}"),
        [TextKey.AwayReplyOn] = new("Automatic replies are on for {names}", One: "{names}'s automatic reply is on"),
        [TextKey.ListAnd] = new("{first} and {last}"),
    }, DayPattern: "ddd, MMM d", DayTimePattern: "ddd, MMM d, h:mm tt");
}
