using MimeKit;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail.Mime;

/// <summary>
/// Reads an mbox file, a single message file, or a folder of them (see <see cref="MailFiles"/>) into
/// <see cref="MailRecord"/>s. Only header blocks are kept, and what rule 9 made of each message's text part (the text
/// itself is dropped); input that is not mail is skipped and counted.
/// </summary>
public static class MimeMailSource
{
    /// <summary>Reads everything at <paramref name="path"/> in read order (mbox order; folders by ordinal path).</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static MimeReadResult Read(string path, CancellationToken cancellationToken) => Read(path, [], cancellationToken);

    /// <param name="path">An mbox file, a message file or a folder of them.</param>
    /// <param name="me">The user's addresses: rule 9 reads a message written to them differently ("Bob, can you …").</param>
    /// <param name="cancellationToken">Stops between messages.</param>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static MimeReadResult Read(string path, IReadOnlyCollection<string> me, CancellationToken cancellationToken)
    {
        var counts = new MimeReadCounts();
        var messages = ReadEach(path, counts, me, cancellationToken).ToList();
        return new MimeReadResult { Messages = messages, Unreadable = counts.Unreadable };
    }

    /// <summary>Like <see cref="Read(string, CancellationToken)"/>, one message at a time; <paramref name="counts"/> is final when enumeration ends.</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static IEnumerable<MailRecord> ReadEach(string path, MimeReadCounts counts, CancellationToken cancellationToken) =>
        ReadEach(path, counts, [], cancellationToken);

    /// <summary>Like <see cref="Read(string, IReadOnlyCollection{string}, CancellationToken)"/>, one message at a time.</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static IEnumerable<MailRecord> ReadEach(string path, MimeReadCounts counts, IReadOnlyCollection<string> me, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(me);
        string[] files = Directory.Exists(path) ? [.. MailFiles.Under(path)]
            : File.Exists(path) ? [path]
            : throw new FileNotFoundException($"No mail file or folder at '{path}'.", path);
        return files.SelectMany(file => MessageFile.Records(file, counts, me, cancellationToken));
    }

    /// <summary>
    /// Maps one parsed message; <paramref name="ordinal"/> makes the synthetic id of a message without Message-ID unique.
    /// Returns null when the message carries none of the headers that make it mail (a text file, garbage).
    /// </summary>
    public static MailRecord? ToRecord(MimeMessage message, int ordinal) => ToRecord(message, ordinal, []);

    /// <summary>Like <see cref="ToRecord(MimeMessage, int)"/>, for the user <paramref name="me"/> (rule 9's facts).</summary>
    public static MailRecord? ToRecord(MimeMessage message, int ordinal, IReadOnlyCollection<string> me)
    {
        ArgumentNullException.ThrowIfNull(message);
        return MimeRecordMapper.Map(message, ordinal, me);
    }
}
