using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;


namespace OutlookFollowUp.MailIndex;

/// <summary>
/// The per-user thread index: message metadata from delta sync, and the follow-ups the engine last computed.
/// Every method touches only the given user's rows; every write is one transaction (all or nothing).
/// </summary>
public interface IThreadIndex
{
    /// <summary>The user's sync state, or null when the user has never been indexed.</summary>
    Task<MailboxSnapshot?> GetStateAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Stores the user's addresses and mailbox time zone (rule inputs that come from Graph).</summary>
    Task SetMailboxAsync(string userKey, IReadOnlyList<string> addresses, string? timeZone, CancellationToken cancellationToken);

    /// <summary>As above, with the user's display name (rule 9 reads it); null when the mail service gave none.</summary>
    Task SetMailboxAsync(string userKey, IReadOnlyList<string> addresses, string? timeZone, string? displayName, CancellationToken cancellationToken);

    /// <summary>
    /// Applies one folder's delta page set: upserts <paramref name="upserts"/>, deletes <paramref name="removedIds"/>
    /// that are still in that folder, stores <paramref name="deltaLink"/> and marks a good sync at <paramref name="syncedAt"/>.
    /// </summary>
    Task ApplyDeltaAsync(
        string userKey,
        string folder,
        IReadOnlyList<MailRecord> upserts,
        IReadOnlyCollection<string> removedIds,
        string? deltaLink,
        DateTimeOffset syncedAt,
        CancellationToken cancellationToken);

    /// <summary>After Graph's 410 Gone: drops the folder's messages and delta link so the next sync starts over.</summary>
    Task ResetFolderAsync(string userKey, string folder, CancellationToken cancellationToken);

    /// <summary>Records a failed sync attempt; the last good sync time is kept.</summary>
    Task RecordFailureAsync(string userKey, string errorCode, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>All the user's messages, ordered by date then id (ordinal), so the engine reads them the same way every time.</summary>
    Task<IReadOnlyList<MailRecord>> GetMessagesAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>
    /// Rule 9's verdicts on messages read since (by message id): stored with the message, kind only, so each message's
    /// text is read once. Ids the index does not hold are ignored.
    /// </summary>
    Task SetAsksAsync(string userKey, IReadOnlyDictionary<string, AskVerdict> verdicts, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the user's computed follow-ups in one swap; readers see the old set or the new, never a mix. The same
    /// list serves both modes of rule 9 (as computed before it, or where nothing was judged).
    /// </summary>
    Task ReplaceThreadsAsync(string userKey, IReadOnlyList<FollowUp> threads, DateTimeOffset computedAt, CancellationToken cancellationToken);

    /// <summary>As above, for both modes of rule 9 at once: a user switching modes sees the other list without a new computation.</summary>
    Task ReplaceThreadsAsync(string userKey, ComputedThreads threads, DateTimeOffset computedAt, CancellationToken cancellationToken);

    /// <summary>
    /// The user's "waiting on them" threads to ask MailTips about: those not asked yet (entered anew), and those that say
    /// someone is away (asked again, so a reply turned off or an early return ends the notice; the tenant's MailTips
    /// cache makes that one Graph call per address and hour at most). A thread asked with nobody away is not asked again.
    /// </summary>
    Task<IReadOnlyList<FollowUp>> AwayToAskAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>
    /// Stores what MailTips said per thread key (an empty list: asked, nothing to say), on threads still "theirs" and
    /// not answered "nothing to say" meanwhile; the thread list then shows it without calling Graph.
    /// </summary>
    Task SetAwayAsync(string userKey, IReadOnlyDictionary<string, IReadOnlyList<AwayMark>> away, CancellationToken cancellationToken);

    /// <summary>Every unanswered thread of the user (rule 9 off), as <see cref="GetThreadsAsync(string, FollowUpDirection?, bool, CancellationToken)"/>.</summary>
    Task<IndexedThreads> GetThreadsAsync(string userKey, FollowUpDirection? direction, CancellationToken cancellationToken);

    /// <summary>
    /// The user's follow-ups, oldest first, optionally one direction only, with their dismissals: one query. By default
    /// only threads whose last message asks (rule 9), their reasons naming what; <paramref name="allUnanswered"/>: every
    /// unanswered thread, with the reasons of rules 1–8.
    /// </summary>
    Task<IndexedThreads> GetThreadsAsync(string userKey, FollowUpDirection? direction, bool allUnanswered, CancellationToken cancellationToken);

    /// <summary>Erases everything stored for the user.</summary>
    Task DeleteUserAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>
    /// This index as one sync writes it: <see cref="ApplyDeltaAsync"/> and <see cref="ReplaceThreadsAsync"/> find the
    /// user's mailbox state inside their transaction or throw <see cref="MailboxErasedException"/>, writing nothing, so
    /// an erase that ran meanwhile (here or on another instance) is not undone by the sync that was in flight.
    /// </summary>
    IThreadIndex ForSync();

    /// <summary>The indexed message with either id, or null; what a reminder learns about the message it tracks.</summary>
    Task<IndexedMessageRef?> FindMessageAsync(string userKey, string? messageId, string? internetMessageId, CancellationToken cancellationToken);

    /// <summary>
    /// The To and Cc recipients of these indexed messages, each without its own user's addresses, lower-cased; messages
    /// the index does not hold are absent. One read across users (the due sweep's MailTips round), no Graph call.
    /// </summary>
    Task<IReadOnlyDictionary<UserMessage, IReadOnlyList<MailAddress>>> RecipientsAsync(IReadOnlyCollection<UserMessage> messages, CancellationToken cancellationToken);

    /// <summary>The latest good sync of any mailbox (health, informative).</summary>
    Task<DateTimeOffset?> LastGoodSyncAsync(CancellationToken cancellationToken);

    /// <summary>Every user with a mailbox state.</summary>
    Task<IReadOnlyList<string>> UserKeysAsync(CancellationToken cancellationToken);

    /// <summary>Every user with at least one waiting thread (the background rounds check their other routes of an answer).</summary>
    Task<IReadOnlyList<string>> UserKeysWithThreadsAsync(CancellationToken cancellationToken);

    /// <summary>Retention: deletes the user's messages dated and threads waiting since before <paramref name="cutoff"/>; returns rows deleted.</summary>
    Task<int> PurgeBeforeAsync(string userKey, DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>One user's message, by Graph id and, when known, Internet Message-ID (a reminder's tracked message).</summary>
public sealed record UserMessage(string UserKey, string? MessageId, string? InternetMessageId);

/// <summary>What the index knows of one message, for other features (reminders).</summary>
public sealed record IndexedMessageRef(string Id, string? InternetMessageId, string? ConversationId, string Subject);

/// <summary>A user's sync state. <paramref name="LastSyncedAt"/> is the last good sync; the error code belongs to the last attempt.</summary>
/// <param name="DisplayName">The user's display name, when the mail service gave one.</param>
public sealed record MailboxSnapshot(
    string UserKey,
    IReadOnlyList<string> Addresses,
    string? TimeZone,
    DateTimeOffset? LastSyncedAt,
    DateTimeOffset? LastAttemptAt,
    string? LastErrorCode,
    IReadOnlyList<FolderSnapshot> Folders,
    string? DisplayName = null);

/// <summary>
/// One computation in both modes of rule 9: <paramref name="All"/>, every unanswered thread (rules 1–8), and
/// <paramref name="Asking"/>, those the default mode lists (the threads of <paramref name="All"/> whose last message
/// asks, with the reasons that say what).
/// </summary>
public sealed record ComputedThreads(IReadOnlyList<FollowUp> All, IReadOnlyList<FollowUp> Asking);

public sealed record FolderSnapshot(string Folder, string? DeltaLink, DateTimeOffset? SyncedAt);

/// <summary>Stored follow-ups with the freshness the pane shows ("updated 5 minutes ago").</summary>
/// <param name="LastAttemptAt">The last sync attempt, good or not; with <paramref name="LastErrorCode"/> it says whether this is stale.</param>
/// <param name="DismissedUpTo">The user's dismissals of these threads (rule 8): hidden up to that message time.</param>
public sealed record IndexedThreads(
    IReadOnlyList<FollowUp> Threads,
    DateTimeOffset? LastSyncedAt,
    DateTimeOffset? ComputedAt,
    DateTimeOffset? LastAttemptAt = null,
    string? LastErrorCode = null,
    IReadOnlyDictionary<string, DateTimeOffset>? DismissedUpTo = null);

/// <summary>The user's index was erased while a sync of it was in flight: that sync stops, keeping nothing.</summary>
public sealed class MailboxErasedException(string userKey) : Exception($"The mailbox index of {userKey} was erased during the sync.");
