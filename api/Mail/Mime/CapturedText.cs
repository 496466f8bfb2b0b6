using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace OutlookFollowUp.Mail.Mime;

/// <summary>One text part's raw content as read (transfer-encoded, in its charset), decoded on demand.</summary>
internal sealed class CapturedText(bool isHtml, string? charset, string? transferEncoding)
{
    private readonly MemoryStream content = new();

    public bool IsHtml { get; } = isHtml;

    public void Append(byte[] buffer, int start, int count)
    {
        var room = TopLevelReader.TextLimit - (int)content.Length;
        if (room > 0)
        {
            content.Write(buffer, start, Math.Min(room, count));
        }
    }

    /// <summary>The decoded text; null when it cannot be decoded at all.</summary>
    public string? Decode()
    {
        try
        {
            var part = new TextPart(IsHtml ? "html" : "plain");
            if (!string.IsNullOrWhiteSpace(charset))
            {
                part.ContentType.Charset = charset;
            }

            MimeUtils.TryParse(transferEncoding, out ContentEncoding encoding);
            part.Content = new MimeContent(new MemoryStream(content.GetBuffer(), 0, (int)content.Length, writable: false), encoding);
            return part.Text;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or DecoderFallbackException or IOException)
        {
            return null;
        }
    }
}
