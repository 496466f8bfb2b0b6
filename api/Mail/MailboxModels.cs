using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail;

public enum OutlookFlagStatus
{
    NotFlagged,
    Flagged,
    Complete,
}

/// <summary>
/// A follow-up flag. Graph refuses a due date without a start date (400), so a flagged state always carries both;
/// flags carry no reminder time: the product's own reminders stay the source of truth (docs/architecture.md).
/// </summary>
/// <param name="ReminderAt">
/// With <see cref="OutlookFlagStatus.Flagged"/>: also set Outlook's own reminder (the MAPI reminder properties) for this
/// time, so Outlook raises its reminder pop-up then, pane closed. Complete and cleared flags always turn the reminder off.
/// </param>
public sealed record OutlookFlag(OutlookFlagStatus Status, DateTimeOffset? Start = null, DateTimeOffset? Due = null, DateTimeOffset? ReminderAt = null)
{
    public static OutlookFlag Flagged(DateTimeOffset start, DateTimeOffset due, DateTimeOffset? reminderAt = null) =>
        new(OutlookFlagStatus.Flagged, start, due < start ? start : due, reminderAt);

    public static readonly OutlookFlag Complete = new(OutlookFlagStatus.Complete);

    public static readonly OutlookFlag Cleared = new(OutlookFlagStatus.NotFlagged);
}

/// <summary>What one sync found, by folder: a store keeps each folder's messages and link together.</summary>
/// <param name="Folders">Folder → its added or changed messages and the ids that left it.</param>
/// <param name="DeltaLinks">Folder → the link the next sync starts from; store it.</param>
/// <param name="FoldersResynced">Folders whose stored link the mail service refused and that were read again from scratch.</param>
public sealed record MailboxDelta(
    IReadOnlyDictionary<string, FolderChanges> Folders,
    IReadOnlyDictionary<string, string> DeltaLinks,
    IReadOnlySet<string> FoldersResynced);

/// <summary>One folder's part of a sync: its added or changed messages (one per id) and the ids that left it.</summary>
/// <param name="Marks">What the changed messages carry beyond the engine's record (their flag, the compose mark); not indexed.</param>
public sealed record FolderChanges(IReadOnlyList<MailRecord> Upserts, IReadOnlyList<string> RemovedIds, IReadOnlyList<MessageMarks>? Marks = null);

/// <summary>
/// Per changed message, what reminders need and the rules do not: its Outlook flag as the user sees it now (read back, so
/// a flag completed or cleared by hand in Outlook closes the reminder) and the add-in's compose mark, the custom
/// property <c>followupRemind</c> ("24", "48" or an ISO-8601 date) that <b>Remind me if no reply</b> put on the draft.
/// </summary>
public sealed record MessageMarks(string MessageId, OutlookFlagStatus Flag, string? FollowupRemind);

/// <summary>One flag write of a batch.</summary>
public sealed record FlagChange(string MessageId, OutlookFlag Flag);

/// <summary>How one part of a batched call ended: <see cref="Failure"/> is null when it succeeded.</summary>
public sealed record MailPartResult(string Key, MailException? Failure)
{
    public bool Succeeded => Failure is null;
}

/// <summary>The user's addresses, lower-case: primary first, then the user principal name and aliases.</summary>
public sealed record MailboxIdentity(IReadOnlyList<string> Addresses)
{
    /// <summary>The user's display name, when the mail service gives one (rule 9: "Alex, can you …").</summary>
    public string? DisplayName { get; init; }
}
