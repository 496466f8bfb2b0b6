using MimeKit;

namespace OutlookFollowUp.Mail.Mime;

/// <summary>
/// Reads a stream of messages keeping each message's own header block and its first readable text part (text/plain,
/// else text/html; not an attachment, not inside an attached message), at most <see cref="TextLimit"/> bytes of it.
/// Every other part's content flows past unbuffered; the text is dropped as soon as the message is classified.
/// </summary>
internal sealed class TopLevelReader(Stream stream, MimeFormat format) : MimeReader(stream, format)
{
    /// <summary>The new text is at the top; what lies beyond this is quoted history, logs or pasted data.</summary>
    public const int TextLimit = 256 * 1024;

    private readonly List<Header> headers = [];
    private readonly List<Header> entityHeaders = [];
    private bool collecting;
    private bool collected;
    private int embedded; // attached messages (message/rfc822) open around the current part
    private CapturedText? capturing;
    private CapturedText? plain;
    private CapturedText? html;

    /// <summary>The message's text part, or null when it has none (an attachment only, encrypted, header-only).</summary>
    public CapturedText? Text => plain ?? html;

    /// <summary>Reads the next message and returns its top-level headers (empty when it had none).</summary>
    public IReadOnlyList<Header> ReadNext(CancellationToken cancellationToken)
    {
        headers.Clear();
        collecting = false;
        collected = false;
        embedded = 0;
        capturing = plain = html = null;
        ReadMessage(cancellationToken);
        return [.. headers];
    }

    // MimeReader reports a message's own header block first; every later block belongs to a part or a nested message.
    protected override void OnHeadersBegin(long beginOffset, int beginLineNumber, CancellationToken cancellationToken)
    {
        collecting = !collected;
        entityHeaders.Clear();
    }

    protected override void OnHeaderRead(Header header, int beginLineNumber, CancellationToken cancellationToken)
    {
        entityHeaders.Add(header);
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

    protected override void OnMessagePartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken) =>
        embedded++;

    protected override void OnMessagePartEnd(
        ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset, int lines, CancellationToken cancellationToken) =>
        embedded--;

    protected override void OnMimePartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken)
    {
        var isPlain = contentType.IsMimeType("text", "plain");
        var isHtml = contentType.IsMimeType("text", "html");
        if (embedded > 0 || !(isPlain ? plain is null : isHtml && html is null) || IsAttachment(contentType))
        {
            return;
        }

        var encoding = entityHeaders.FirstOrDefault(h => h.Id == HeaderId.ContentTransferEncoding)?.Value;
        capturing = new CapturedText(isHtml, contentType.Charset, encoding);
    }

    protected override void OnMimePartContentRead(byte[] content, int startIndex, int count, CancellationToken cancellationToken) =>
        capturing?.Append(content, startIndex, count);

    protected override void OnMimePartEnd(
        ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset, int lines, CancellationToken cancellationToken)
    {
        if (capturing is { } text)
        {
            if (text.IsHtml)
            {
                html = text;
            }
            else
            {
                plain = text;
            }
        }

        capturing = null;
    }

    private bool IsAttachment(ContentType contentType)
    {
        var disposition = entityHeaders.FirstOrDefault(h => h.Id == HeaderId.ContentDisposition)?.Value;
        return contentType.Name is not null
            || (disposition is not null && disposition.TrimStart().StartsWith("attachment", StringComparison.OrdinalIgnoreCase));
    }
}
