using System.Globalization;
using System.Net;
using System.Text;

namespace OutlookFollowUp.Digest;

/// <summary>One due reminder as the digest lists it.</summary>
internal sealed record DigestItem(string Subject, string? MessageId, DateTimeOffset DueAt);

/// <summary>
/// The digest's subject and HTML body. Every subject is HTML-encoded; each item links to its message in Outlook on the
/// web through the documented deep link built from the message's immutable id (the index stores no <c>webLink</c>, and
/// the immutable id does not change when the message moves, so the link keeps working).
/// </summary>
internal static class DigestMail
{
    /// <summary>At most this many items are listed; the rest are counted.</summary>
    public const int MaxItems = 50;

    public const string DeepLinkBase = "https://outlook.office.com/mail/deeplink/read/";

    public static string Link(string messageId) => DeepLinkBase + Uri.EscapeDataString(messageId);

    public static string Subject(int count) =>
        count == 1 ? "1 follow-up is due today" : string.Create(CultureInfo.InvariantCulture, $"{count} follow-ups are due today");

    public static string Html(IReadOnlyList<DigestItem> items, TimeZoneInfo zone)
    {
        var html = new StringBuilder("<html><body><p>Due for a follow-up:</p><ul>");
        foreach (var item in items.Take(MaxItems))
        {
            var subject = WebUtility.HtmlEncode(item.Subject.Length == 0 ? "(no subject)" : item.Subject);
            var due = TimeZoneInfo.ConvertTime(item.DueAt, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
            html.Append("<li>");
            html.Append(item.MessageId is { Length: > 0 } id
                ? $"<a href=\"{WebUtility.HtmlEncode(Link(id))}\">{subject}</a>"
                : subject);
            html.Append(CultureInfo.InvariantCulture, $" (due {WebUtility.HtmlEncode(due)})</li>");
        }

        html.Append("</ul>");
        if (items.Count > MaxItems)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>And {items.Count - MaxItems} more in the Follow-ups pane.</p>");
        }

        return html.Append("</body></html>").ToString();
    }
}
