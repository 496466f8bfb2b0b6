namespace OutlookFollowUp.Localization;

internal static partial class Catalogs
{
    private static LanguageTexts Italian() => new(new Dictionary<TextKey, Text>
    {
        [TextKey.DigestSubject] = new("{count} follow-up da guardare oggi", One: "1 follow-up da guardare oggi"),
        [TextKey.DigestDueHeading] = new("Promemoria scaduti ({count})"),
        [TextKey.DigestTheirsHeading] = new("In attesa di loro ({count})"),
        [TextKey.DigestMineHeading] = new("In attesa di te ({count})"),
        [TextKey.DigestDueLine] = new("{subject} — promemoria scaduto il {date}"),
        [TextKey.DigestTheirsLine] = new("{subject} — hai scritto a {name} il {date}"),
        [TextKey.DigestTheirsGroupLine] = new("{subject} — hai scritto a {name} e ad altre {count} persone il {date}", One: "{subject} — hai scritto a {name} e a un’altra persona il {date}"),
        [TextKey.DigestMineLine] = new("{subject} — {name} ti ha scritto il {date}"),
        [TextKey.DigestMore] = new("E altri {count} nel riquadro Follow-ups.", One: "E un altro nel riquadro Follow-ups."),
        [TextKey.DigestFooter] = new("Ricevi questa email perché il riepilogo del mattino è attivo nelle impostazioni di Follow-ups."),
        [TextKey.NoSubject] = new("(nessun oggetto)"),
        [TextKey.TeamsChatMessage] = new("Ciao, ti scrivo per riprendere la mia email «{subject}». Potresti darci un'occhiata?"),
        [TextKey.TeamsChatMessageNoSubject] = new("Ciao, ti scrivo per riprendere la mia email. Potresti darci un'occhiata?"),
        [TextKey.AwayMoved] = new("{names} sono assenti fino a {until}; promemoria spostato a {movedTo}", One: "{names} è assente fino a {until}; promemoria spostato a {movedTo}"),
        [TextKey.AwayReplyOn] = new("Le risposte automatiche di {names} sono attive", One: "La risposta automatica di {names} è attiva"),
        [TextKey.ListAnd] = new("{first} e {last}"),
    }, DayPattern: "ddd d MMM", DayTimePattern: "ddd d MMM, HH:mm");
}
