using OutlookFollowUp.Mail;
using OutlookFollowUp.Settings;

namespace OutlookFollowUp.Reminders;

/// <summary>
/// Mirrors a reminder onto its message as an Outlook follow-up flag (when the user's setting allows), so Outlook on every
/// device, To Do and mobile show it: flagged from creation to the due time, complete when done or answered, cleared
/// when deleted. Best effort: the reminder itself is the source of truth. The endpoints queue the write to run after
/// the response (<see cref="ReminderFlagQueue"/>).
/// </summary>
public sealed partial class ReminderFlags(IMailboxes mailboxes, ISettingsStore settings, ReminderFlagQueue queue, FlagPermissionNotices notices, ILogger<ReminderFlags> logger)
{
    /// <summary>Said once per user and process when Graph refuses a flag write with 403 (the token lacks Mail.ReadWrite).</summary>
    public const string NeedsReadWrite =
        "Outlook flags need the Mail.ReadWrite permission, which this sign-in does not have: the reminder is kept here, but Outlook shows no flag for it.";

    /// <returns>A warning to show the user, once (see <see cref="NeedsReadWrite"/>), or null.</returns>
    public Task<string?> ApplyAsync(string userKey, Reminder reminder, CancellationToken cancellationToken) =>
        SetAsync(userKey, reminder.MessageId, reminder.Status switch
        {
            ReminderStatus.Done or ReminderStatus.Resolved => OutlookFlag.Complete,
            _ => OutlookFlag.Flagged(reminder.CreatedAt, reminder.RemindAt),
        }, cancellationToken);

    public Task<string?> ClearAsync(string userKey, Reminder reminder, CancellationToken cancellationToken) =>
        SetAsync(userKey, reminder.MessageId, OutlookFlag.Cleared, cancellationToken);

    /// <summary>
    /// Queues the write (one queue for endpoints and syncs alike, so a message's flags land in the order they were
    /// decided). The writer is made now, inside the request, so that it acts for the caller after the response too.
    /// </summary>
    /// <param name="messageId">Graph's immutable id; a reminder known only by Message-ID (not indexed yet) has none to flag.</param>
    /// <param name="writer">A sync's writer to reuse; otherwise one is made for the user (within their request).</param>
    /// <returns>A warning to show the user, once (see <see cref="NeedsReadWrite"/>), or null.</returns>
    public async Task<string?> SetAsync(string userKey, string? messageId, OutlookFlag flag, CancellationToken cancellationToken, IMailboxWriter? writer = null)
    {
        if (messageId is null || !(await settings.GetEffectiveAsync(userKey, cancellationToken)).SetOutlookFlags)
        {
            return null;
        }

        try
        {
            queue.Enqueue(new FlagWrite(userKey, messageId, flag, writer ?? mailboxes.Writer(userKey)));
            // The write runs after the response: a refusal it met earlier is said now, once.
            return notices.TakeNotice(userKey) ? NeedsReadWrite : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlagFailed(logger, flag.Status, ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set the Outlook flag to {Status} ({Failure}); the reminder is unaffected")]
    private static partial void LogFlagFailed(ILogger logger, OutlookFlagStatus status, string failure);
}

/// <summary>
/// Users whose flag writes Graph refused with 403 (the sign-in lacks Mail.ReadWrite), in this process (one singleton):
/// the write runs after the response, so the refusal is said on the user's next reminder answer, once.
/// </summary>
public sealed class FlagPermissionNotices
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _refused = new(StringComparer.Ordinal);

    /// <summary>Records a refusal; true the first time for this user (to log it once).</summary>
    public bool Refused(string userKey) => _refused.TryAdd(userKey, false);

    /// <summary>True once per user after a refusal: the notice is then handed to the user.</summary>
    public bool TakeNotice(string userKey) => _refused.TryUpdate(userKey, true, false);
}
