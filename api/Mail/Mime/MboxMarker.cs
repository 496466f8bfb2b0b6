using System.Text;

namespace OutlookFollowUp.Mail.Mime;

/// <summary>The "From " line that starts every message of an mbox, used to sniff a file and to resume after a broken message.</summary>
internal static class MboxMarker
{
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes("From ");
    private static readonly byte[] LineMarker = Encoding.ASCII.GetBytes("\nFrom ");

    /// <summary>Whether the stream starts with a marker; leaves the stream at its start.</summary>
    public static bool StartsWith(Stream stream)
    {
        Span<byte> start = stackalloc byte[Marker.Length];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return start[..read].SequenceEqual(Marker);
    }

    /// <summary>Positions the stream on the next marker line at or after <paramref name="offset"/>; false when there is none.</summary>
    public static bool SeekNext(Stream stream, long offset)
    {
        var buffer = new byte[64 * 1024];
        // Start one byte early so a marker right at the offset is still preceded by its newline.
        var chunkStart = Math.Max(0, offset - 1);
        while (true)
        {
            stream.Position = chunkStart;
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var found = buffer.AsSpan(0, read).IndexOf(LineMarker);
            if (found >= 0)
            {
                stream.Position = chunkStart + found + 1;
                return true;
            }

            if (read < buffer.Length)
            {
                return false;
            }

            // Overlap by the marker's length less one so a marker across two chunks is not missed.
            chunkStart += read - (LineMarker.Length - 1);
        }
    }
}
