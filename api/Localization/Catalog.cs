using System.Text.Json;

namespace OutlookFollowUp.Localization;

/// <summary>
/// Each language's messages, one JSON file per language shared with the pane (<c>wwwroot/js/locales/en.json</c>…):
/// key → ICU-style message. A sentence the server and the pane both say is one entry ("route.met", "noSubject").
/// </summary>
internal static class Catalog
{
    /// <summary>Language → key → message as written in the file.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Sources =
        UserLanguages.All.ToDictionary(l => l, Load, StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<(string, TextKey), Message> Messages = (
        from language in UserLanguages.All
        from key in Enum.GetValues<TextKey>()
        select (language, key)).ToDictionary(p => p, p => Message.Parse(Sources[p.language][Key(p.key)]));

    public static Message Get(string language, TextKey key) => Messages[(language, key)];

    /// <summary>The catalog key of a server message.</summary>
    public static string Key(TextKey key) => key switch
    {
        TextKey.DigestSubject => "digest.subject",
        TextKey.DigestDueHeading => "digest.dueHeading",
        TextKey.DigestTheirsHeading => "digest.theirsHeading",
        TextKey.DigestMineHeading => "digest.mineHeading",
        TextKey.DigestDueLine => "digest.dueLine",
        TextKey.DigestTheirsLine => "digest.theirsLine",
        TextKey.DigestTheirsGroupLine => "digest.theirsGroupLine",
        TextKey.DigestMineLine => "digest.mineLine",
        TextKey.DigestMore => "digest.more",
        TextKey.DigestFooter => "digest.footer",
        TextKey.NoSubject => "noSubject",
        TextKey.TeamsChatMessage => "teams.message",
        TextKey.TeamsChatMessageNoSubject => "teams.messageNoSubject",
        TextKey.AwayMoved => "away.moved",
        TextKey.AwayReplyOn => "away.replyOn",
        TextKey.RouteTeams => "route.teams",
        TextKey.RouteMet => "route.met",
        TextKey.RouteColleague => "route.colleague",
        TextKey.RouteMeetingHeld => "route.meetingHeld",
        TextKey.DigestAnsweredHeading => "digest.answeredHeading",
        TextKey.DigestAnsweredLine => "digest.answeredLine",
        TextKey.ListAnd => "list.and",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "A server message with no catalog key."),
    };

    private static IReadOnlyDictionary<string, string> Load(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(CatalogFiles.Read($"{language}.json"))
            ?? throw new InvalidOperationException($"The catalog {language}.json is empty.");
}
