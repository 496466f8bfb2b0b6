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
/// flags carry no reminder time: the product's own reminders stay the source of truth (DESIGN.md).
/// </summary>
public sealed record OutlookFlag(OutlookFlagStatus Status, DateTimeOffset? Start = null, DateTimeOffset? Due = null)
{
    public static OutlookFlag Flagged(DateTimeOffset start, DateTimeOffset due) => new(OutlookFlagStatus.Flagged, start, due < start ? start : due);

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
public sealed record FolderChanges(IReadOnlyList<MailRecord> Upserts, IReadOnlyList<string> RemovedIds);

/// <summary>The user's addresses, lower-case: primary first, then the user principal name and aliases.</summary>
public sealed record MailboxIdentity(IReadOnlyList<string> Addresses);
