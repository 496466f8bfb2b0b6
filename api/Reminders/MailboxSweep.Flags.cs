using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Reminders;

/// <summary>One mailbox's sweep, second half: the Outlook flags its reminders want, written and then settled.</summary>
internal sealed partial class MailboxSweep
{
    /// <summary>Writes the flags the claim's rows want (this run's and those a crashed sweep left), then saves what landed.</summary>
    private async Task<SweepCounts> WriteFlagsAsync(string userKey, string claimId, bool flagsOn, CancellationToken ct)
    {
        var wanted = await db.Set<ReminderRow>().AsNoTracking()
            .Where(r => r.UserKey == userKey && r.ClaimId == claimId && r.FlagWanted != null && r.MessageId != null).ToListAsync(ct);
        if (wanted.Count == 0)
        {
            return SweepCounts.None;
        }

        if (!flagsOn)
        {
            // The user turned Outlook flags off meanwhile: nothing to write.
            await SettleAsync(userKey, claimId, wanted, written: false, ct);
            return SweepCounts.None;
        }

        var changes = wanted.DistinctBy(r => r.MessageId, StringComparer.Ordinal).Select(r => new FlagChange(r.MessageId!, r.FlagWanted switch
        {
            FlagStates.Due => OutlookFlag.Flagged(r.CreatedAt, r.RemindAt, reminderAt: r.RemindAt),
            FlagStates.Complete => OutlookFlag.Complete,
            _ => OutlookFlag.Cleared,
        })).ToList();
        IReadOnlyList<MailPartResult> results;
        try
        {
            results = await mailboxes.Writer(userKey).SetFlagsAsync(changes, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogGraphFailed(logger, userKey, ex.GetType().Name);
            await RetryLaterAsync(userKey, wanted, claimId, ct, GraphAskedToWait(ex));
            return new SweepCounts(0, 0, 0, 0, wanted.Count);
        }

        await observer.AtAsync(SweepPoint.Flagged, ct);
        var outcome = results.ToDictionary(r => r.Key, StringComparer.Ordinal);
        bool Landed(ReminderRow r) => outcome.TryGetValue(r.MessageId!, out var result) && result.Succeeded;
        bool Refused(ReminderRow r) => outcome.TryGetValue(r.MessageId!, out var result) && result.Failure is MailAccessDeniedException;

        var landed = wanted.Where(Landed).ToList();
        if (await SettleAsync(userKey, claimId, landed, written: true, ct) < landed.Count)
        {
            await CompleteClosedMeanwhileAsync(userKey, landed, ct);
        }

        var refused = wanted.Where(Refused).ToList();
        if (refused.Count > 0 && notices.Refused(userKey))
        {
            LogNeedsReadWrite(logger, userKey);
        }

        // A refusal (403: no Mail.ReadWrite) would be refused again: the reminder stays right, without a flag.
        await SettleAsync(userKey, claimId, refused, written: false, ct);
        var failed = wanted.Where(r => !Landed(r) && !Refused(r)).ToList();
        var asked = results.Select(r => GraphAskedToWait(r.Failure)).Max();
        await RetryLaterAsync(userKey, failed, claimId, ct, asked);
        return new SweepCounts(0, 0, 0, landed.Count, failed.Count);
    }

    /// <summary>
    /// A reminder answered or marked done while its due flag was on its way: the flag the user's action queued may have
    /// landed first, so complete it again, now that the due flag is in.
    /// </summary>
    private async Task CompleteClosedMeanwhileAsync(string userKey, List<ReminderRow> landed, CancellationToken ct)
    {
        var ids = landed.Where(r => r.FlagWanted == FlagStates.Due).Select(r => r.Id).ToList();
        var closed = await db.Set<ReminderRow>().AsNoTracking()
            .Where(r => r.UserKey == userKey && ids.Contains(r.Id) && (r.DoneAt != null || r.ResolvedAt != null) && r.MessageId != null)
            .Select(r => r.MessageId!).Distinct().ToListAsync(ct);
        if (closed.Count > 0)
        {
            await mailboxes.Writer(userKey).SetFlagsAsync([.. closed.Select(id => new FlagChange(id, OutlookFlag.Complete))], ct);
        }
    }

    /// <summary>The flag landed (or will not be written): nothing left to do on these rows, so their claim ends.</summary>
    /// <returns>The rows settled; fewer when some changed meanwhile (a snooze, a reply, done).</returns>
    private async Task<int> SettleAsync(string userKey, string claimId, List<ReminderRow> rows, bool written, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settled = 0;
        foreach (var state in rows.Select(r => r.FlagWanted!).Distinct())
        {
            var ids = rows.Where(r => r.FlagWanted == state).Select(r => r.Id).ToList();
            var query = db.Set<ReminderRow>().Where(r => r.UserKey == userKey && ids.Contains(r.Id) && r.ClaimId == claimId && r.FlagWanted == state);
            if (written)
            {
                settled += await query.ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.FlagWritten, state).SetProperty(r => r.FlagWrittenAt, now).SetProperty(r => r.FlagWanted, (string?)null)
                    .SetProperty(r => r.SweepAt, (DateTimeOffset?)null).SetProperty(r => r.ClaimId, (string?)null).SetProperty(r => r.SweepAttempts, 0), ct);
                Telemetry.FollowUpTelemetry.Reminders(state == FlagStates.Due ? "flagged" : "flag_complete", ids.Count);
            }
            else
            {
                settled += await query.ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.FlagWanted, (string?)null).SetProperty(r => r.SweepAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.ClaimId, (string?)null), ct);
            }
        }

        return settled;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outlook flags for {UserKey} need Mail.ReadWrite (Graph answered 403); reminders work without them. Said once per process")]
    private static partial void LogNeedsReadWrite(ILogger logger, string userKey);
}
