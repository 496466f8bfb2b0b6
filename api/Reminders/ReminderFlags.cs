using OutlookFollowUp.Mail;
using OutlookFollowUp.Settings;

namespace OutlookFollowUp.Reminders;

/// <summary>
/// Mirrors a reminder onto its message as an Outlook follow-up flag (when the user's setting allows), so Outlook on every
/// device, To Do and mobile show it: flagged from creation to the due time, complete when done or answered, cleared
/// when deleted. Best effort: the reminder itself is the source of truth, so a Graph failure is logged, never thrown.
/// </summary>
public sealed partial class ReminderFlags(IMailboxes mailboxes, ISettingsStore settings, FlagPermissionNotices notices, ILogger<ReminderFlags> logger)
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
            await (writer ?? mailboxes.Writer(userKey)).SetFlagAsync(messageId, flag, cancellationToken);
            return null;
        }
        catch (MailAccessDeniedException)
        {
            if (!notices.FirstFor(userKey))
            {
                return null;
            }

            LogNeedsReadWrite(logger, userKey);
            return NeedsReadWrite;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlagFailed(logger, flag.Status, ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outlook flags for {UserKey} need Mail.ReadWrite (Graph answered 403); reminders work without them. Said once per process")]
    private static partial void LogNeedsReadWrite(ILogger logger, string userKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set the Outlook flag to {Status} ({Failure}); the reminder is unaffected")]
    private static partial void LogFlagFailed(ILogger logger, OutlookFlagStatus status, string failure);
}

/// <summary>Which users were already told that flags need Mail.ReadWrite, in this process (one singleton).</summary>
public sealed class FlagPermissionNotices
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _told = new(StringComparer.Ordinal);

    /// <summary>True the first time only, per user.</summary>
    public bool FirstFor(string userKey) => _told.TryAdd(userKey, 0);
}
