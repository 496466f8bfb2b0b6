using OutlookFollowUp.FollowUps;


namespace OutlookFollowUp.MailIndex;

// Storage shapes only: never leave this folder (IThreadIndex speaks MailRecord and FollowUp; dismissals are records too).

/// <summary>One user's sync bookkeeping; the user key is the tenant-qualified user id ("tid:oid") or "local:sample" / "local:token:<hash>".</summary>
internal sealed class MailboxState
{
    public required string UserKey { get; set; }

    /// <summary>The user's addresses as compact JSON (["a@b", ...]).</summary>
    public string Addresses { get; set; } = "[]";

    public string? TimeZone { get; set; }

    public DateTimeOffset? LastSyncedAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>A short code ("graph_429", "token_expired"), never exception text.</summary>
    public string? LastErrorCode { get; set; }

    /// <summary>When the engine last replaced the user's threads; kept here so an empty result still has a time.</summary>
    public DateTimeOffset? ThreadsComputedAt { get; set; }

    /// <summary>The user's display name as the mail service gave it (rule 9 reads "Alex, can you …"); null when not known.</summary>
    public string? DisplayName { get; set; }

    public List<FolderSyncState> Folders { get; set; } = [];
}

/// <summary>Where Graph delta sync stands for one folder of one user.</summary>
internal sealed class FolderSyncState
{
    public required string UserKey { get; set; }

    public required string Folder { get; set; }

    /// <summary>Graph's @odata.deltaLink; long, so stored as unbounded text.</summary>
    public string? DeltaLink { get; set; }

    public DateTimeOffset? SyncedAt { get; set; }
}

/// <summary>A MailRecord as stored: metadata only, keyed by user and source id.</summary>
internal sealed class IndexedMessage
{
    public required string UserKey { get; set; }

    public required string Id { get; set; }

    public required string Folder { get; set; }

    public string? InternetMessageId { get; set; }

    public string? ConversationId { get; set; }

    /// <summary>JSON array of Message-IDs; null when empty.</summary>
    public string? InReplyTo { get; set; }

    /// <summary>JSON array of Message-IDs; null when empty.</summary>
    public string? References { get; set; }

    public byte[]? ThreadIndex { get; set; }

    public string From { get; set; } = "";

    public string? FromName { get; set; }

    /// <summary>JSON array of {"a","n"}; null when empty.</summary>
    public string? To { get; set; }

    /// <summary>JSON array of {"a","n"}; null when empty.</summary>
    public string? Cc { get; set; }

    /// <summary>The instant, stored in UTC; the original offset is kept beside it.</summary>
    public DateTimeOffset? Date { get; set; }

    public short? DateOffsetMinutes { get; set; }

    public string Subject { get; set; } = "";

    public string? AutoSubmitted { get; set; }

    public bool AutoReplyHeader { get; set; }

    public string? ContentType { get; set; }

    public string? MessageClass { get; set; }

    public bool ListUnsubscribe { get; set; }

    public string? Precedence { get; set; }

    /// <summary>
    /// Rule 9's verdict on the message's own new text, its kind only ("question", "none", "unreadable", …); null when not
    /// judged yet. The text itself is never stored.
    /// </summary>
    public string? Asks { get; set; }
}

/// <summary>One unanswered thread as the engine last computed it.</summary>
internal sealed class ThreadSummary
{
    public required string UserKey { get; set; }

    public required string ThreadKey { get; set; }

    /// <summary>"theirs" or "mine", as in the scan JSON.</summary>
    public required string Direction { get; set; }

    public required string MessageId { get; set; }

    public string? InternetMessageId { get; set; }

    public DateTimeOffset Since { get; set; }

    public string Subject { get; set; } = "";

    /// <summary>JSON array of addresses, or of {"a","n"} address objects when the mail gave names.</summary>
    public string Counterparts { get; set; } = "[]";

    public string Reason { get; set; } = "";

    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>Follow-ups already sent without an answer (the escalation ladder); 0 for rows computed before it.</summary>
    public int Nudges { get; set; }

    /// <summary>
    /// MailTips when the thread entered "waiting on them": JSON array of {"a","n","u"} for the waited-on counterparts, all
    /// away ("u" their scheduled end, absent when none); "[]" when asked and nothing to say; null when not asked yet.
    /// Kept while the thread stays "theirs" from one computation to the next.
    /// </summary>
    public string? Away { get; set; }

    /// <summary>
    /// Rule 9: the default mode leaves this thread out (its last message asks nothing); the row serves the
    /// "every unanswered thread" mode only. False for rows computed before rule 9.
    /// </summary>
    public bool AsksNothing { get; set; }

    /// <summary>The reason in the default mode when it differs from <see cref="Reason"/> (it names what was asked); null otherwise.</summary>
    public string? AskingReason { get; set; }

    /// <summary>
    /// Answers that came another way and the meeting ahead that holds the thread (<see cref="FollowUp.Answered"/>,
    /// <see cref="FollowUp.Hold"/>) as JSON; null when neither.
    /// </summary>
    public string? Routes { get; set; }
}

/// <summary>A thread the user hid; it shows again once a message newer than <see cref="LastMessageAt"/> arrives (rule 8).</summary>
internal sealed class DismissalRow
{
    public required string UserKey { get; set; }

    public required string ThreadKey { get; set; }

    public DateTimeOffset LastMessageAt { get; set; }

    public DateTimeOffset DismissedAt { get; set; }

    /// <summary>"moved_on" when the user moved on (gave up asking); null for a plain dismissal.</summary>
    public string? Reason { get; set; }

    /// <summary>The user's note when moving on, at most 500 characters.</summary>
    public string? Note { get; set; }
}
