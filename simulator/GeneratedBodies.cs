using System.Globalization;

namespace OutlookFollowUp.GraphSimulator;

/// <summary>
/// Bodies shaped like a working mailbox's, deterministic, for generated mailboxes: short asks whose preview holds the
/// whole text, long asks that run past the 255 characters of bodyPreview, replies above Outlook's quoted history,
/// answers, newsletters, notices and automatic replies.
/// </summary>
public static class GeneratedBodies
{
    /// <summary>How a candidate's body is shaped, so figures can say what the preview could decide.</summary>
    public enum Shape
    {
        /// <summary>A few lines, no history: the preview holds all of it.</summary>
        Short,

        /// <summary>Several paragraphs of new text, the question at the end: past the preview.</summary>
        Long,

        /// <summary>A short reply above the quoted message: the history fills the preview.</summary>
        Quoted,
    }

    private static readonly string[] Topics = ["the Q3 figures", "the venue contract", "the hiring plan", "the release notes", "the budget sheet", "the vendor quote"];

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    /// <summary>Two in five short, one long, two quoted: most mail that waits is a reply.</summary>
    public static Shape ShapeOf(int i) => (i % 5) switch { 0 or 1 => Shape.Short, 2 => Shape.Long, _ => Shape.Quoted };

    /// <summary>A message that asks its recipient for something, in the given shape, and its new part (Graph's uniqueBody).</summary>
    public static (string Body, string UniqueBody) Ask(int i, string to, string from, DateTimeOffset at, Shape shape)
    {
        var topic = Topics[i % Topics.Length];
        var day = Days[i % Days.Length];
        var text = shape switch
        {
            Shape.Short => $"Hi {First(to)},\n\nCould you send me {topic} for proposal {i} by {day}?\n\nThanks,\n{First(from)}",
            Shape.Long => $"Hi {First(to)},\n\n{Paragraph(i, topic)}\n\n{Paragraph(i + 1, topic)}\n\nCan you confirm by {day} that {topic} for proposal {i} works for your team?\n\nBest regards,\n{from}",
            _ => $"Hi {First(to)},\n\nAny news on {topic}? Could you confirm by {day}?\n\n{First(from)}",
        };
        return shape == Shape.Quoted
            ? (text + "\n\n" + Quote(from, to, at.AddDays(-2), $"Proposal {i}", $"Hi {First(to)},\n\n{Paragraph(i, topic)}\n\n{First(from)}"), text)
            : (text, text);
    }

    /// <summary>An answer that asks nothing back, above the question it answers; and its new part.</summary>
    public static (string Body, string UniqueBody) Answer(int i, string to, string from, DateTimeOffset asked, string question)
    {
        var text = $"Hi {First(to)},\n\nHere is {Topics[i % Topics.Length]}; the file is in the shared folder. Thanks for checking!\n\n{First(from)}";
        return (text + "\n\n" + Quote(to, from, asked, $"Question {i}", question), text);
    }

    /// <summary>A team note the user is copied on: an update, nothing asked.</summary>
    public static string Note(int i) =>
        $"Team,\n\nA short update on {Topics[i % Topics.Length]}: it is on track for {Days[i % Days.Length]}, and nothing is needed from anyone.\n\nThanks";

    public static string Newsletter(int i) =>
        $"This week: {Topics[i % Topics.Length]} explained, three product updates and the events calendar.\n\n{Paragraph(i, "the newsletter")}\n\n"
        + "You receive this newsletter because you subscribed. To unsubscribe, use the link in the footer.";

    public static string Notice(int i) => $"Ticket {i} was updated. This mailbox is not monitored; please do not reply.";

    public static string AutomaticReply(string from) => $"I am out of the office until Monday with limited access to email.\n\n{from}";

    private static string Paragraph(int i, string topic) =>
        $"Following up on our call about {topic}, I went through the numbers again with the team this morning. "
        + $"The main change since last week is the timeline for item {i}: it moves by about two weeks, and the costs stay within the agreed range.";

    /// <summary>Outlook's header block above the quoted message.</summary>
    private static string Quote(string from, string to, DateTimeOffset at, string subject, string body) => string.Join('\n',
        "________________________________",
        $"From: {from}",
        $"Sent: {at.UtcDateTime.ToString("dddd, MMMM d, yyyy h:mm tt", CultureInfo.InvariantCulture)}",
        $"To: {to}",
        $"Subject: {subject}",
        "",
        body);

    private static string First(string name) => name.Split(' ')[0];
}
