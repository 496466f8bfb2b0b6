using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Away;

/// <summary>One reminder to check: its key (the reminder's id) and the thread's counterparts.</summary>
public sealed record AwayQuestion(string Key, IReadOnlyList<MailAddress> Counterparts);

/// <summary>
/// Decides, for one mailbox, what the counterparts' automatic replies mean for reminders coming due. Most answers are
/// in <see cref="AwayCache"/> already (the sweep's round per tenant, <see cref="AwaySweepStep"/>); the addresses still
/// missing go into ONE round through this mailbox (<see cref="AwayRound"/>, up to 100 addresses a call), and the working
/// hours are read only when a reminder would be held. Failures (throttled, 403, down) never block: they are logged and
/// the answer is "nothing to say", so the reminders come due as before.
/// </summary>
public sealed partial class AwayCheck(AwayCache cache, AwayRound round, TimeProvider time, ILogger<AwayCheck> logger)
{
    /// <param name="ask">False when Graph already refused this tenant in this sweep: only cached answers count.</param>
    /// <returns>A note per question key that has one (held or not); keys with nothing to say are absent.</returns>
    public async Task<IReadOnlyDictionary<string, AwayNote>> DecideAsync(
        string userKey, IMailTips tips, IReadOnlyList<AwayQuestion> questions, string? timeZone, CancellationToken cancellationToken, bool ask = true,
        Func<CancellationToken, Task<WorkingHours?>>? sharedHours = null, string? language = null)
    {
        var notes = new Dictionary<string, AwayNote>(StringComparer.Ordinal);
        var asked = questions.Where(q => q.Counterparts.Count > 0).ToList();
        if (asked.Count == 0)
        {
            return notes;
        }

        var tenant = UserKeys.TenantOf(userKey);
        var addresses = asked.SelectMany(q => q.Counterparts).Select(c => c.Address).Distinct(StringComparer.Ordinal).ToList();
        if (ask)
        {
            await round.AskAsync(tenant, addresses, [(userKey, tips)], cancellationToken);
        }

        var replies = await RepliesAsync(tenant, addresses, cancellationToken);
        var now = time.GetUtcNow();
        var texts = Localization.ServerTexts.For(language);
        WorkingHours? hours = null;
        foreach (var question in asked)
        {
            var note = AwayHold.Decide(question.Counterparts, replies, now, hours ?? WorkingHours.Default(TimeZoneInfo.Utc), texts);
            if (note is { Held: true } && hours is null)
            {
                // Only a hold needs the user's working hours: read them once, then decide again with them.
                hours = await WorkingHoursAsync(userKey, tips, timeZone, sharedHours, cancellationToken);
                note = AwayHold.Decide(question.Counterparts, replies, now, hours, texts);
            }

            if (note is not null)
            {
                notes[question.Key] = note;
            }
        }

        return notes;
    }

    /// <summary>What the cache knows of these addresses for the tenant; an address it does not know is absent (so not away).</summary>
    public async Task<Dictionary<string, AutomaticReply>> RepliesAsync(string tenant, IEnumerable<string> addresses, CancellationToken cancellationToken)
    {
        var replies = new Dictionary<string, AutomaticReply>(StringComparer.Ordinal);
        foreach (var address in addresses)
        {
            if (await cache.GetAsync(tenant, address, cancellationToken) is { } reply)
            {
                replies[address] = reply;
            }
        }

        return replies;
    }

    /// <param name="sharedHours">
    /// The hours every instance shares (the due sweep's: the store the morning digest reads too, one Graph read per user
    /// a day); null when they are being read elsewhere right now, then this process reads its own.
    /// </param>
    private async Task<WorkingHours> WorkingHoursAsync(
        string userKey, IMailTips tips, string? timeZone, Func<CancellationToken, Task<WorkingHours?>>? sharedHours, CancellationToken cancellationToken)
    {
        var (found, hours) = await cache.GetHoursAsync(userKey, cancellationToken);
        if (found)
        {
            return hours ?? Fallback(timeZone);
        }

        if (sharedHours is not null && await sharedHours(cancellationToken) is { } shared)
        {
            await cache.SetHoursAsync(userKey, shared, cancellationToken);
            return shared;
        }

        try
        {
            hours = await tips.GetWorkingHoursAsync(cancellationToken);
            await cache.SetHoursAsync(userKey, hours, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWorkingHoursFailed(logger, userKey, ex.GetType().Name);
        }

        return hours ?? Fallback(timeZone);
    }

    private static WorkingHours Fallback(string? timeZone) => WorkingHours.Default(
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Working hours for {UserKey} could not be read ({Failure}); Monday to Friday 09:00-17:00 is assumed")]
    private static partial void LogWorkingHoursFailed(ILogger logger, string userKey, string failure);
}
