using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Reminders;

/// <summary>
/// Two-way flags: a flag the user completed or cleared by hand in Outlook, read back by the sync, closes the open
/// reminder on that message as done (closed in Outlook). Only a flag the product itself wrote counts, and only once
/// that write has settled: a mark read before our own write landed (still queued here, or written moments ago, while
/// the sync was reading) is not the user's doing.
/// </summary>
internal sealed partial class FlagReadBack(FollowUpDbContext db, ReminderFlagQueue queue, TimeProvider time, ILogger<FlagReadBack> logger)
    : IMailboxSyncListener
{
    /// <summary>Longer than a sync's read takes: a mark from a read that started before our write landed is not trusted.</summary>
    internal static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(2);

    public async Task OnSyncedAsync(SyncedMailbox synced, CancellationToken cancellationToken)
    {
        var unflagged = synced.Marks?.Where(m => m.Flag != OutlookFlagStatus.Flagged && !queue.IsPending(synced.UserKey, m.MessageId))
            .ToDictionary(m => m.MessageId, m => m.Flag, StringComparer.Ordinal);
        if (unflagged is not { Count: > 0 })
        {
            return;
        }

        var now = time.GetUtcNow();
        var settled = now - SettleTime;
        var ids = unflagged.Keys.ToList();
        var userKey = synced.UserKey;
        var closing = await db.Set<ReminderRow>().AsNoTracking()
            .Where(r => r.UserKey == userKey && r.DoneAt == null && r.ResolvedAt == null && r.MessageId != null && ids.Contains(r.MessageId)
                && (r.FlagWritten == FlagStates.Flagged || r.FlagWritten == FlagStates.Due) && r.FlagWanted == null && r.FlagWrittenAt <= settled)
            .Select(r => new { r.Id, r.MessageId }).ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var reminder in closing)
        {
            var state = unflagged[reminder.MessageId!] == OutlookFlagStatus.Complete ? FlagStates.Complete : FlagStates.Cleared;
            // Conditional again: a snooze or a resolution meanwhile wins.
            closed += await db.Set<ReminderRow>()
                .Where(r => r.UserKey == userKey && r.Id == reminder.Id && r.DoneAt == null && r.ResolvedAt == null && r.FlagWanted == null)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.DoneAt, now).SetProperty(r => r.DoneBy, ReminderClosedBy.Outlook)
                    .SetProperty(r => r.SweepAt, (DateTimeOffset?)null).SetProperty(r => r.ClaimId, (string?)null)
                    .SetProperty(r => r.FlagWritten, state).SetProperty(r => r.FlagWrittenAt, now), cancellationToken);
        }

        if (closed > 0)
        {
            LogClosed(logger, closed, userKey);
            Telemetry.FollowUpTelemetry.Reminders("closed_in_outlook", closed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} reminders of {UserKey} closed: their flags were completed or cleared in Outlook")]
    private static partial void LogClosed(ILogger logger, int count, string userKey);
}
