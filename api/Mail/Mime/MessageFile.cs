using System.Text;
using MimeKit;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail.Mime;

/// <summary>One file: an mbox (it starts with a "From " line) or a single message. Failures count, never throw.</summary>
internal static class MessageFile
{
    private static readonly byte[] MboxMarker = Encoding.ASCII.GetBytes("From ");

    public static IEnumerable<MailRecord> Records(string path, MimeReadCounts counts, CancellationToken cancellationToken)
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

        var format = StartsWithMboxMarker(stream) ? MimeFormat.Mbox : MimeFormat.Entity;
        var reader = new TopLevelHeaderReader(stream, format);
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = TryReadNext(reader, counts, cancellationToken, out var failed);
            if (record is not null)
            {
                yield return record;
            }

            // After a parse error the reader's place in the stream is unknown: stop rather than loop.
            if (failed)
            {
                yield break;
            }
        }
        while (format == MimeFormat.Mbox && !reader.IsEndOfStream);
    }

    private static MailRecord? TryReadNext(TopLevelHeaderReader reader, MimeReadCounts counts, CancellationToken cancellationToken, out bool failed)
    {
        var ordinal = counts.Messages + counts.Unreadable + 1;
        failed = false;
        try
        {
            var record = MimeRecordMapper.Map(new MimeMessage(reader.ReadNext(cancellationToken)), ordinal);
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

    private static bool StartsWithMboxMarker(FileStream stream)
    {
        Span<byte> start = stackalloc byte[5];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return start[..read].SequenceEqual(MboxMarker);
    }
}
