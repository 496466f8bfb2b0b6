using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail.Mime;

/// <summary>Every readable message of a MIME source, in read order, and how many could not be read.</summary>
public sealed class MimeReadResult
{
    public required IReadOnlyList<MailRecord> Messages { get; init; }

    /// <summary>Messages (or candidate files) that were skipped because they could not be parsed as mail.</summary>
    public required int Unreadable { get; init; }
}

/// <summary>Running counts for <see cref="MimeMailSource.ReadEach"/>, final once the enumeration ends.</summary>
public sealed class MimeReadCounts
{
    public int Messages { get; internal set; }

    public int Unreadable { get; internal set; }
}
