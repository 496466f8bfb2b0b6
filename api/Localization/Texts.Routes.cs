namespace OutlookFollowUp.Localization;

/// <summary>What the server says about answers that came another way (Teams, a meeting, a colleague), in each language.</summary>
internal static partial class Catalogs
{
    private static LanguageTexts With(this LanguageTexts texts, IReadOnlyDictionary<TextKey, Text> more) =>
        texts with { Texts = texts.Texts.Concat(more).ToDictionary(p => p.Key, p => p.Value) };

    private static Dictionary<TextKey, Text> EnglishRoutes() => new()
    {
        [TextKey.RouteTeams] = new("{name} answered in Teams on {when}"),
        [TextKey.RouteMet] = new("You met {name} on {when}"),
        [TextKey.RouteColleague] = new("{name} answered for {names}"),
        [TextKey.RouteMeetingHeld] = new("You meet {names} on {day}; reminder moved to {movedTo}"),
        [TextKey.DigestAnsweredHeading] = new("Answered another way ({count})"),
        [TextKey.DigestAnsweredLine] = new("{subject} — {how}"),
    };

    private static Dictionary<TextKey, Text> ItalianRoutes() => new()
    {
        [TextKey.RouteTeams] = new("{name} ha risposto su Teams: {when}"),
        [TextKey.RouteMet] = new("Hai incontrato {name}: {when}"),
        [TextKey.RouteColleague] = new("{name} ha risposto per {names}"),
        [TextKey.RouteMeetingHeld] = new("Incontri {names} {day}; promemoria spostato a {movedTo}"),
        [TextKey.DigestAnsweredHeading] = new("Risposte arrivate per altre vie ({count})"),
        [TextKey.DigestAnsweredLine] = new("{subject}: {how}"),
    };

    private static Dictionary<TextKey, Text> GermanRoutes() => new()
    {
        [TextKey.RouteTeams] = new("{name} hat in Teams geantwortet: {when}"),
        [TextKey.RouteMet] = new("Sie haben {name} getroffen: {when}"),
        [TextKey.RouteColleague] = new("{name} hat für {names} geantwortet"),
        [TextKey.RouteMeetingHeld] = new("Sie treffen {names} am {day}; Erinnerung verschoben auf {movedTo}"),
        [TextKey.DigestAnsweredHeading] = new("Auf anderem Weg beantwortet ({count})"),
        [TextKey.DigestAnsweredLine] = new("{subject}: {how}"),
    };

    private static Dictionary<TextKey, Text> FrenchRoutes() => new()
    {
        [TextKey.RouteTeams] = new("{name} a répondu dans Teams le {when}"),
        [TextKey.RouteMet] = new("Vous avez rencontré {name} le {when}"),
        [TextKey.RouteColleague] = new("{name} a répondu pour {names}"),
        [TextKey.RouteMeetingHeld] = new("Vous voyez {names} {day}\u202F; rappel déplacé au {movedTo}"),
        [TextKey.DigestAnsweredHeading] = new("Réponses arrivées autrement ({count})"),
        [TextKey.DigestAnsweredLine] = new("{subject}\u202F: {how}"),
    };

    private static Dictionary<TextKey, Text> SpanishRoutes() => new()
    {
        [TextKey.RouteTeams] = new("{name} respondió en Teams el {when}"),
        [TextKey.RouteMet] = new("Se reunió con {name} el {when}"),
        [TextKey.RouteColleague] = new("{name} respondió por {names}"),
        [TextKey.RouteMeetingHeld] = new("Se reúne con {names} el {day}; recordatorio movido al {movedTo}"),
        [TextKey.DigestAnsweredHeading] = new("Respondidos por otra vía ({count})"),
        [TextKey.DigestAnsweredLine] = new("{subject}: {how}"),
    };
}
