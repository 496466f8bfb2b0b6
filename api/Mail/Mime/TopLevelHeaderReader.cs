using MimeKit;

namespace OutlookFollowUp.Mail.Mime;

/// <summary>
/// Reads a stream of messages keeping only each message's own header block: part contents flow past
/// unbuffered, so neither bodies nor attachments are ever held in memory.
/// </summary>
internal sealed class TopLevelHeaderReader(Stream stream, MimeFormat format) : MimeReader(stream, format)
{
    private readonly List<Header> headers = [];
    private bool collecting;
    private bool collected;

    /// <summary>Reads the next message and returns its top-level headers (empty when it had none).</summary>
    public IReadOnlyList<Header> ReadNext(CancellationToken cancellationToken)
    {
        headers.Clear();
        collecting = false;
        collected = false;
        ReadMessage(cancellationToken);
        return [.. headers];
    }

    // MimeReader reports a message's own header block first; every later block belongs to a part or a nested message.
    protected override void OnHeadersBegin(long beginOffset, int beginLineNumber, CancellationToken cancellationToken) =>
        collecting = !collected;

    protected override void OnHeaderRead(Header header, int beginLineNumber, CancellationToken cancellationToken)
    {
        if (collecting)
        {
            headers.Add(header);
        }
    }

    protected override void OnHeadersEnd(long beginOffset, int beginLineNumber, long headersEndOffset, int headersEndLineNumber, CancellationToken cancellationToken)
    {
        collected |= collecting;
        collecting = false;
    }
}
