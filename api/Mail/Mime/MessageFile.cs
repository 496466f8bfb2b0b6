using MimeKit;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail.Mime;

/// <summary>One file: an mbox (it starts with a "From " line) or a single message. Failures count, never throw.</summary>
internal static class MessageFile
{
    public static IEnumerable<MailRecord> Records(string path, MimeReadCounts counts, IReadOnlyCollection<string> me, CancellationToken cancellationToken) =>
        Read(path, counts, (message, ordinal, text) => MimeRecordMapper.Map(message, ordinal, text, me), cancellationToken);

    /// <summary>Each message of the file as <paramref name="map"/> makes it from its headers and text part; null counts as unreadable.</summary>
    public static IEnumerable<T> Read<T>(string path, MimeReadCounts counts, Func<MimeMessage, int, CapturedText?, T?> map, CancellationToken cancellationToken)
        where T : class
    {
        using var stream = Open(path);
        if (stream is null)
        {
            counts.Unreadable++;
            yield break;
        }

        // An empty file is an empty mailbox, not a broken message.
        if (stream.Length == 0)
        {
            yield break;
        }

        var mbox = MboxMarker.StartsWith(stream);
        var reader = new TopLevelReader(stream, mbox ? MimeFormat.Mbox : MimeFormat.Entity);
        var readerStart = 0L;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = TryReadNext(reader, counts, map, cancellationToken, out var failed);
            if (record is not null)
            {
                yield return record;
            }

            if (!mbox || (!failed && reader.IsEndOfStream))
            {
                yield break;
            }

            if (failed)
            {
                // A parse error leaves the reader stuck: resume with a fresh one at the next marker past the damage.
                // Past the failed reader's own start at least, so a message that fails at once cannot loop.
                if (!TrySeekNextMarker(stream, Math.Max(reader.Position, readerStart + 1)))
                {
                    yield break;
                }

                readerStart = stream.Position;
                reader = new TopLevelReader(stream, MimeFormat.Mbox);
            }
        }
    }

    private static T? TryReadNext<T>(
        TopLevelReader reader, MimeReadCounts counts, Func<MimeMessage, int, CapturedText?, T?> map, CancellationToken cancellationToken, out bool failed)
        where T : class
    {
        var ordinal = counts.Messages + counts.Unreadable + 1;
        failed = false;
        try
        {
            var headers = reader.ReadNext(cancellationToken);
            var record = map(new MimeMessage(headers), ordinal, reader.Text);
            if (record is null)
            {
                counts.Unreadable++;
                return null;
            }

            counts.Messages++;
            return record;
        }
        catch (Exception ex) when (ex is FormatException or IOException or ArgumentException)
        {
            failed = true;
            counts.Unreadable++;
            return null;
        }
    }

    private static bool TrySeekNextMarker(Stream stream, long offset)
    {
        try
        {
            return MboxMarker.SeekNext(stream, offset);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static FileStream? Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
