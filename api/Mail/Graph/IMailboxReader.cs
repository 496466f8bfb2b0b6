using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>The port the rest of the app reads one mailbox through; it speaks engine records, never Graph types.</summary>
public interface IMailboxReader
{
    /// <summary>
    /// One delta round per folder (inbox, sentitems): cold from the lookback when a folder has no stored link,
    /// warm from its link otherwise. Apply <see cref="MailboxDelta.RemovedIds"/> first, then the upserts.
    /// </summary>
    Task<MailboxDelta> SyncAsync(IReadOnlyDictionary<string, string> previousDeltaLinks, int lookbackDays, CancellationToken cancellationToken);

    /// <summary>Every message of a conversation in any folder (a reply moved by a rule is elsewhere), by date.</summary>
    Task<IReadOnlyList<MailRecord>> GetConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The user's own addresses (<c>me</c> in the rules).</summary>
    Task<MailboxIdentity> GetMeAsync(CancellationToken cancellationToken);

    /// <summary>The mailbox's time zone name as Graph gives it (Windows or IANA), or null when unset.</summary>
    Task<string?> GetMailboxTimeZoneAsync(CancellationToken cancellationToken);

    /// <summary>Sets the message's Outlook follow-up flag, so Outlook on every device, To Do and mobile show it.</summary>
    Task SetFlagAsync(string messageId, OutlookFlag flag, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a reply-all draft of the message in the user's Drafts folder, in the same conversation, and returns the
    /// draft's immutable id. <paramref name="comment"/> is HTML as Graph takes it: callers encode any text they pass.
    /// </summary>
    Task<string> CreateReplyAllDraftAsync(string messageId, string comment, CancellationToken cancellationToken);
}

public enum OutlookFlagStatus
{
    NotFlagged,
    Flagged,
    Complete,
}

/// <summary>
/// A follow-up flag. Graph refuses a due date without a start date (400), so a flagged state always carries both;
/// flags carry no reminder time: the product's own reminders stay the source of truth (DESIGN.md).
/// </summary>
public sealed record OutlookFlag(OutlookFlagStatus Status, DateTimeOffset? Start = null, DateTimeOffset? Due = null)
{
    public static OutlookFlag Flagged(DateTimeOffset start, DateTimeOffset due) => new(OutlookFlagStatus.Flagged, start, due < start ? start : due);

    public static readonly OutlookFlag Complete = new(OutlookFlagStatus.Complete);

    public static readonly OutlookFlag Cleared = new(OutlookFlagStatus.NotFlagged);
}

/// <summary>What one sync found.</summary>
/// <param name="Upserts">Added or changed messages, one per id.</param>
/// <param name="RemovedIds">Deleted or moved out of the synced folders (never an id that is also in <paramref name="Upserts"/>).</param>
/// <param name="DeltaLinks">Folder → the link the next sync starts from; store it.</param>
/// <param name="FoldersResynced">Folders whose stored link Graph refused (410 Gone) and that were read again from scratch.</param>
/// <param name="RequestCount">Page requests this sync made (attempts, including retries, are on the factory's counter).</param>
/// <param name="Folders">The same changes by folder, for a store that keeps each folder's messages and link together.</param>
public sealed record MailboxDelta(
    IReadOnlyList<MailRecord> Upserts,
    IReadOnlyList<string> RemovedIds,
    IReadOnlyDictionary<string, string> DeltaLinks,
    IReadOnlySet<string> FoldersResynced,
    int RequestCount,
    IReadOnlyDictionary<string, FolderChanges> Folders);

/// <summary>One folder's part of a sync: its added or changed messages and the ids that left it.</summary>
public sealed record FolderChanges(IReadOnlyList<MailRecord> Upserts, IReadOnlyList<string> RemovedIds);

/// <summary>The user's addresses, lower-case: primary first, then the user principal name and aliases.</summary>
public sealed record MailboxIdentity(IReadOnlyList<string> Addresses);
