using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.FollowUps;

/// <summary>
/// The one small record every mail source (Graph, MIME files, the sample mailbox) produces for the engine.
/// Metadata only: no body ever reaches it.
/// </summary>
public sealed record MailRecord
{
    /// <summary>The source's own id: Graph's immutable id, or for MIME the Message-ID (or a synthetic one).</summary>
    public required string Id { get; init; }

    /// <summary>RFC 5322 Message-ID with angle brackets, when the message has one.</summary>
    public string? InternetMessageId { get; init; }

    /// <summary>Graph's conversationId. When set, it alone decides the thread (rule 2).</summary>
    public string? ConversationId { get; init; }

    /// <summary>Message-IDs from In-Reply-To, with angle brackets.</summary>
    public IReadOnlyList<string> InReplyTo { get; init; } = [];

    /// <summary>Message-IDs from References, with angle brackets.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Outlook's Thread-Index header, decoded from base64; null when absent or undecodable.</summary>
    public byte[]? ThreadIndex { get; init; }

    /// <summary>Sender address, lower-case; empty when the message has none.</summary>
    public string From { get; init; } = "";

    /// <summary>Sender display name, for reasons ("You wrote to Ana").</summary>
    public string? FromName { get; init; }

    public IReadOnlyList<MailAddress> To { get; init; } = [];

    public IReadOnlyList<MailAddress> Cc { get; init; } = [];

    /// <summary>The message's date (Date header, or Graph's sent/received time); null means it is skipped (rule 1).</summary>
    public DateTimeOffset? Date { get; init; }

    public string Subject { get; init; } = "";

    public HeaderFacts Facts { get; init; } = HeaderFacts.None;

    /// <summary>
    /// Rule 9: what the message's own new text asks, judged by the source when it read the text (the text itself is
    /// dropped); null when no text was read yet, which counts as asking.
    /// </summary>
    public AskVerdict? Asks { get; init; }
}

/// <summary>An address, lower-case, with its display name when known.</summary>
public sealed record MailAddress(string Address, string? Name = null);

/// <summary>The few header facts the rules read (rules 3, 3a and 6); everything else about a message is dropped.</summary>
public sealed record HeaderFacts
{
    public static readonly HeaderFacts None = new();

    /// <summary>Raw Auto-Submitted value, or null when absent.</summary>
    public string? AutoSubmitted { get; init; }

    /// <summary>X-Autoreply, X-Autorespond or X-MS-Exchange-Inbox-Rules-Loop present.</summary>
    public bool AutoReplyHeader { get; init; }

    /// <summary>Top-level media type, lower-case ("multipart/report"); null when unknown (Graph).</summary>
    public string? ContentType { get; init; }

    /// <summary>MAPI message class (PidTagMessageClass, String 0x001A) from Graph; null elsewhere.</summary>
    public string? MessageClass { get; init; }

    public bool ListUnsubscribe { get; init; }

    /// <summary>Raw Precedence value, or null when absent.</summary>
    public string? Precedence { get; init; }
}
