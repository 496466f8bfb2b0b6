using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Away;

/// <summary>One reminder to check: its key (the reminder's id) and the thread's counterparts.</summary>
public sealed record AwayQuestion(string Key, IReadOnlyList<MailAddress> Counterparts);

/// <summary>
/// Asks MailTips about the counterparts of reminders coming due, for one mailbox: every address not in
/// <see cref="AwayCache"/> goes into ONE getMailTips round (the adapter splits above 100 addresses), and the working
/// hours are read only when a reminder would be held. Failures (throttled, 403, down) never block: they are logged and
/// the answer is "nothing to say", so the reminders come due as before.
/// </summary>
public sealed partial class AwayCheck(AwayCache cache, TimeProvider time, ILogger<AwayCheck> logger)
{
    /// <returns>A note per question key that has one (held or not); keys with nothing to say are absent.</returns>
    public async Task<IReadOnlyDictionary<string, AwayNote>> DecideAsync(
        string userKey, IMailTips tips, IReadOnlyList<AwayQuestion> questions, string? timeZone, CancellationToken cancellationToken)
    {
        var notes = new Dictionary<string, AwayNote>(StringComparer.Ordinal);
        var asked = questions.Where(q => q.Counterparts.Count > 0).ToList();
        if (asked.Count == 0)
        {
            return notes;
        }

        var replies = new Dictionary<string, AutomaticReply>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var address in asked.SelectMany(q => q.Counterparts).Select(c => c.Address).Distinct(StringComparer.Ordinal))
        {
            if (cache.TryGet(userKey, address, out var cached))
            {
                replies[address] = cached;
            }
            else
            {
                missing.Add(address);
            }
        }

        if (missing.Count > 0)
        {
            try
            {
                var answer = await tips.GetAutomaticRepliesAsync(missing, cancellationToken);
                foreach (var address in missing)
                {
                    var reply = answer.GetValueOrDefault(address) ?? AutomaticReply.Off(address);
                    cache.Set(userKey, reply);
                    replies[address] = reply;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Throttled, refused or down: the reminders come due at their time; the next sweep asks again.
                LogMailTipsFailed(logger, userKey, missing.Count, ex.GetType().Name);
                return notes;
            }
        }

        var now = time.GetUtcNow();
        WorkingHours? hours = null;
        foreach (var question in asked)
        {
            var note = AwayHold.Decide(question.Counterparts, replies, now, hours ?? WorkingHours.Default(TimeZoneInfo.Utc));
            if (note is { Held: true } && hours is null)
            {
                // Only a hold needs the user's working hours: read them once, then decide again with them.
                hours = await WorkingHoursAsync(userKey, tips, timeZone, cancellationToken);
                note = AwayHold.Decide(question.Counterparts, replies, now, hours);
            }

            if (note is not null)
            {
                notes[question.Key] = note;
            }
        }

        return notes;
    }

    private async Task<WorkingHours> WorkingHoursAsync(string userKey, IMailTips tips, string? timeZone, CancellationToken cancellationToken)
    {
        if (!cache.TryGetHours(userKey, out var hours))
        {
            try
            {
                hours = await tips.GetWorkingHoursAsync(cancellationToken);
                cache.SetHours(userKey, hours);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWorkingHoursFailed(logger, userKey, ex.GetType().Name);
            }
        }

        return hours ?? WorkingHours.Default(
            timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MailTips for {UserKey} failed ({Failure}) for {Count} addresses; the reminders come due at their time")]
    private static partial void LogMailTipsFailed(ILogger logger, string userKey, int count, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Working hours for {UserKey} could not be read ({Failure}); Monday to Friday 08:00-17:00 is assumed")]
    private static partial void LogWorkingHoursFailed(ILogger logger, string userKey, string failure);
}
