using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Localization;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Settings;

namespace OutlookFollowUp.Reminders;

/// <summary>
/// What a reminder's route notes are written in: the user's language (English when none, or without a settings store)
/// and the mailbox's time zone as the index stored it (UTC when none). Read once per user, only when a note is written.
/// </summary>
internal sealed class RouteNoteTexts(ISettingsStore? settings, IThreadIndex index, string userKey)
{
    private (ServerTexts Texts, TimeZoneInfo Zone)? _loaded;

    public async Task<(ServerTexts Texts, TimeZoneInfo Zone)> GetAsync(CancellationToken ct)
    {
        if (_loaded is { } loaded)
        {
            return loaded;
        }

        var language = settings is null ? null : await settings.GetLanguageAsync(userKey, ct);
        var zoneName = (await index.GetStateAsync(userKey, ct))?.TimeZone;
        var zone = OptionRules.TryFindTimeZone(zoneName ?? "UTC", out var found) ? found : TimeZoneInfo.Utc;
        _loaded = (ServerTexts.For(language), zone);
        return _loaded.Value;
    }

    /// <summary>The stored resolution of an answer another way; null for the person's own mail.</summary>
    public async Task<string?> ResolutionAsync(RouteAnswer? answer, DateTimeOffset now, CancellationToken ct)
    {
        if (answer is null)
        {
            return null;
        }

        var (texts, zone) = await GetAsync(ct);
        return new RouteResolution(answer.Route, answer.Route == AnswerRoute.Colleague ? null : answer.At,
            answer.Route == AnswerRoute.Colleague ? answer.For : null, texts.Answered(answer, zone, now)).ToStored();
    }
}
