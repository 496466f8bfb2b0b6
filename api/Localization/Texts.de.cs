namespace OutlookFollowUp.Localization;

internal static partial class Catalogs
{
    private static LanguageTexts German() => new(new Dictionary<TextKey, Text>
    {
        [TextKey.DigestSubject] = new("{count} Follow-ups für heute", One: "1 Follow-up für heute"),
        [TextKey.DigestDueHeading] = new("Fällige Erinnerungen ({count})"),
        [TextKey.DigestTheirsHeading] = new("Warten auf andere ({count})"),
        [TextKey.DigestMineHeading] = new("Warten auf Sie ({count})"),
        [TextKey.DigestDueLine] = new("{subject} — fällig seit {date}"),
        [TextKey.DigestTheirsLine] = new("{subject} — Sie haben {name} am {date} geschrieben"),
        [TextKey.DigestTheirsGroupLine] = new("{subject} — Sie haben {name} und {count} weiteren Personen am {date} geschrieben", One: "{subject} — Sie haben {name} und einer weiteren Person am {date} geschrieben"),
        [TextKey.DigestMineLine] = new("{subject} — {name} hat Ihnen am {date} geschrieben"),
        [TextKey.DigestMore] = new("Und {count} weitere im Bereich „Follow-ups“.", One: "Und eines mehr im Bereich „Follow-ups“."),
        [TextKey.DigestFooter] = new("Sie erhalten diese Mail, weil die morgendliche Zusammenfassung in den Einstellungen von Follow-ups eingeschaltet ist."),
        [TextKey.NoSubject] = new("(kein Betreff)"),
        [TextKey.TeamsChatMessage] = new("Hallo, ich wollte noch einmal auf meine E-Mail „{subject}“ zurückkommen. Könnten Sie einen Blick darauf werfen?"),
        [TextKey.TeamsChatMessageNoSubject] = new("Hallo, ich wollte noch einmal auf meine E-Mail zurückkommen. Könnten Sie einen Blick darauf werfen?"),
        [TextKey.AwayMoved] = new("{names} sind bis {until} abwesend; Erinnerung verschoben auf {movedTo}", One: "{names} ist bis {until} abwesend; Erinnerung verschoben auf {movedTo}"),
        [TextKey.AwayReplyOn] = new("Die automatischen Antworten von {names} sind aktiv", One: "Die automatische Antwort von {names} ist aktiv"),
        [TextKey.ListAnd] = new("{first} und {last}"),
    }, DayPattern: "ddd, d. MMM", DayTimePattern: "ddd, d. MMM, HH:mm", ShortDayPattern: "ddd, d. MMM", WeekdayTimePattern: "ddd, HH:mm", ShortDayTimePattern: "ddd, d. MMM, HH:mm");
}
