using OutlookFollowUp.Mail;
using OutlookFollowUp.Settings;

namespace OutlookFollowUp.Reminders;

/// <summary>
/// Mirrors a reminder onto its message as an Outlook follow-up flag (when the user's setting allows), so Outlook on every
/// device, To Do and mobile show it: flagged from creation to the due time, complete when done or answered, cleared
/// when deleted. Best effort: the reminder itself is the source of truth. The endpoints queue the write to run after
/// the response (<see cref="ReminderFlagQueue"/>).
/// </summary>
public sealed partial class ReminderFlags(IMailboxes mailboxes, ISettingsStore settings, ReminderFlagQueue queue, ILogger<ReminderFlags> logger)
{
    public Task ApplyAsync(string userKey, Reminder reminder, CancellationToken cancellationToken) =>
        SetAsync(userKey, reminder.MessageId, reminder.Status switch
        {
            ReminderStatus.Done or ReminderStatus.Resolved => OutlookFlag.Complete,
            _ => OutlookFlag.Flagged(reminder.CreatedAt, reminder.RemindAt),
        }, cancellationToken);

    public Task ClearAsync(string userKey, Reminder reminder, CancellationToken cancellationToken) =>
        SetAsync(userKey, reminder.MessageId, OutlookFlag.Cleared, cancellationToken);

    /// <summary>
    /// Queues the write (one queue for endpoints and syncs alike, so a message's flags land in the order they were
    /// decided). The writer is made now, inside the request, so that it acts for the caller after the response too.
    /// </summary>
    /// <param name="messageId">Graph's immutable id; a reminder known only by Message-ID (not indexed yet) has none to flag.</param>
    /// <param name="writer">A sync's writer to reuse; otherwise one is made for the user (within their request).</param>
    public async Task SetAsync(string userKey, string? messageId, OutlookFlag flag, CancellationToken cancellationToken, IMailboxWriter? writer = null)
    {
        if (messageId is null || !(await settings.GetEffectiveAsync(userKey, cancellationToken)).SetOutlookFlags)
        {
            return;
        }

        try
        {
            queue.Enqueue(new FlagWrite(messageId, flag, writer ?? mailboxes.Writer(userKey)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlagFailed(logger, flag.Status, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set the Outlook flag to {Status} ({Failure}); the reminder is unaffected")]
    private static partial void LogFlagFailed(ILogger logger, OutlookFlagStatus status, string failure);
}
