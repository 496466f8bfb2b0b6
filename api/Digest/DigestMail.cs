using System.Text;
using OutlookFollowUp.Localization;

namespace OutlookFollowUp.Digest;

/// <summary>
/// One line of the digest: a due reminder (<see cref="At"/> is when it came due) or an unanswered thread (when its last
/// message was written, and <see cref="Name"/> the first counterpart, with <see cref="Others"/> more).
/// </summary>
internal sealed record DigestLine(string Subject, string? MessageId, DateTimeOffset At, string Name = "", int Others = 0);

/// <summary>What a digest lists, each section oldest first.</summary>
internal sealed record DigestContent(IReadOnlyList<DigestLine> Due, IReadOnlyList<DigestLine> Theirs, IReadOnlyList<DigestLine> Mine)
{
    /// <summary>What there is to act on: these decide whether a digest goes out at all.</summary>
    public int Total => Due.Count + Theirs.Count + Mine.Count;

    /// <summary>
    /// Reminders answered another way than by mail since the day before (a Teams chat, a meeting, a colleague): said
    /// in the digest that goes out, never a reason to send one. <see cref="DigestLine.Name"/> holds how, in the user's words.
    /// </summary>
    public IReadOnlyList<DigestLine> Answered { get; init; } = [];
}

/// <summary>
/// The digest's subject and HTML body in the user's language (<see cref="ServerTexts"/>): whole sentences, dates in the
/// user's culture and time zone, every subject and name HTML-encoded. Each line links to its message in Outlook on the
/// web: Graph's <c>webLink</c>, read for the lines listed when the mail is made; for a message Graph could not say it
/// for, the documented deep link built from the message's immutable id (which does not change when the message moves).
/// </summary>
internal static class DigestMail
{
    /// <summary>At most this many lines per section; the rest are counted ("And 12 more in the Follow-ups pane.").</summary>
    public const int MaxPerSection = 10;

    public const string DeepLinkBase = "https://outlook.office.com/mail/deeplink/read/";

    public static string Link(string messageId) => DeepLinkBase + Uri.EscapeDataString(messageId);

    public static string Subject(DigestContent content, ServerTexts texts) => texts.Format(TextKey.DigestSubject, content.Total);

    /// <summary>The lines the mail shows (at most <see cref="MaxPerSection"/> of each section).</summary>
    public static IEnumerable<DigestLine> Listed(DigestContent content) =>
        content.Due.Take(MaxPerSection).Concat(content.Theirs.Take(MaxPerSection)).Concat(content.Mine.Take(MaxPerSection))
            .Concat(content.Answered.Take(MaxPerSection));

    /// <param name="webLinks">Graph's <c>webLink</c> by message id; a line whose message is not in it gets the deep link.</param>
    public static string Html(DigestContent content, ServerTexts texts, TimeZoneInfo zone, IReadOnlyDictionary<string, string>? webLinks = null)
    {
        webLinks ??= new Dictionary<string, string>();
        var html = new StringBuilder();
        html.Append("<html lang=\"").Append(texts.Language).Append("\"><body>");
        Section(html, texts, TextKey.DigestDueHeading, content.Due, line =>
            texts.Html(TextKey.DigestDueLine, null, ("subject", Linked(line, texts, webLinks)), ("date", Encode(texts.DayTime(Local(line.At, zone))))));
        Section(html, texts, TextKey.DigestTheirsHeading, content.Theirs, line => line.Others > 0
            ? texts.Html(TextKey.DigestTheirsGroupLine, line.Others, Thread(line, texts, zone, webLinks))
            : texts.Html(TextKey.DigestTheirsLine, null, Thread(line, texts, zone, webLinks)));
        Section(html, texts, TextKey.DigestMineHeading, content.Mine, line => texts.Html(TextKey.DigestMineLine, null, Thread(line, texts, zone, webLinks)));
        Section(html, texts, TextKey.DigestAnsweredHeading, content.Answered, line =>
            texts.Html(TextKey.DigestAnsweredLine, null, ("subject", Linked(line, texts, webLinks)), ("how", Encode(line.Name))));
        html.Append("<p style=\"color:#605e5c\">").Append(texts.Html(TextKey.DigestFooter)).Append("</p>");
        return html.Append("</body></html>").ToString();
    }

    private static void Section(StringBuilder html, ServerTexts texts, TextKey heading, IReadOnlyList<DigestLine> lines, Func<DigestLine, string> render)
    {
        if (lines.Count == 0)
        {
            return;
        }

        html.Append("<h2>").Append(texts.Html(heading, lines.Count)).Append("</h2><ul>");
        foreach (var line in lines.Take(MaxPerSection))
        {
            html.Append("<li>").Append(render(line)).Append("</li>");
        }

        html.Append("</ul>");
        if (lines.Count > MaxPerSection)
        {
            html.Append("<p>").Append(texts.Html(TextKey.DigestMore, lines.Count - MaxPerSection)).Append("</p>");
        }
    }

    private static (string, string)[] Thread(DigestLine line, ServerTexts texts, TimeZoneInfo zone, IReadOnlyDictionary<string, string> webLinks) =>
        [("subject", Linked(line, texts, webLinks)), ("name", Encode(line.Name)), ("date", Encode(texts.Day(Local(line.At, zone))))];

    private static string Linked(DigestLine line, ServerTexts texts, IReadOnlyDictionary<string, string> webLinks)
    {
        var subject = Encode(line.Subject.Length == 0 ? texts.Format(TextKey.NoSubject) : line.Subject);
        return line.MessageId is { Length: > 0 } id ? $"<a href=\"{Encode(webLinks.GetValueOrDefault(id) ?? Link(id))}\">{subject}</a>" : subject;
    }

    private static DateTimeOffset Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone);

    private static string Encode(string text) => ServerTexts.Encode(text);
}
