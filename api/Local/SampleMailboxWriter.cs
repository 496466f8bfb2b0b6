using System.Globalization;
using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Local;

/// <summary>
/// Writes the sample mailbox's messages, numbered in order (their ids), each in its conversation, dated hours before
/// now. A reply quotes the conversation's previous message below its own text, as Outlook does, and keeps its own
/// text as the unique body (Graph's uniqueBody).
/// </summary>
internal sealed class SampleMailboxWriter(InMemoryMailbox mailbox, DateTimeOffset now)
{
    private readonly Dictionary<string, (InMemoryAddress From, DateTimeOffset At, InMemoryAddress[] To, string Subject, string Body)> _last = [];
    private int _sequence;

    public void Sent(string conversation, double hoursAgo, InMemoryAddress from, InMemoryAddress[] to, string subject, string body, InMemoryAddress[]? cc = null) =>
        Put("sentitems", conversation, hoursAgo, from, to, subject, body, cc ?? [], [], null);

    public void Received(
        string conversation, double hoursAgo, InMemoryAddress from, InMemoryAddress[] to, string subject, string body,
        InMemoryAddress[]? cc = null, KeyValuePair<string, string>[]? headers = null, string? messageClass = null, string folder = "inbox") =>
        Put(folder, conversation, hoursAgo, from, to, subject, body, cc ?? [], headers ?? [], messageClass);

    private void Put(
        string folder, string conversation, double hoursAgo, InMemoryAddress from, InMemoryAddress[] to, string subject, string body,
        InMemoryAddress[] cc, KeyValuePair<string, string>[] headers, string? messageClass)
    {
        var n = ++_sequence;
        var at = now.AddHours(-hoursAgo);
        var quoted = _last.TryGetValue(conversation, out var previous) ? Quote(previous.From, previous.At, previous.To, previous.Subject, previous.Body) : null;
        _last[conversation] = (from, at, to, subject, body);
        mailbox.Put(folder, new InMemoryMessage
        {
            Id = $"AAMkSample{n:D3}=",
            InternetMessageId = $"<sample-{n:D3}.{conversation}@contoso.com>",
            ConversationId = $"AAQkSample-{conversation}=",
            Subject = subject,
            From = from,
            To = to,
            Cc = cc,
            SentDateTime = at,
            ReceivedDateTime = at,
            Headers = headers,
            ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = messageClass ?? "IPM.Note" },
            Body = quoted is null ? body : body + "\n\n" + quoted,
            UniqueBody = body,
        });
    }

    /// <summary>Outlook's header block above the previous message's text.</summary>
    private static string Quote(InMemoryAddress from, DateTimeOffset at, InMemoryAddress[] to, string subject, string body) =>
        string.Join('\n',
            "________________________________",
            $"From: {from.Name ?? from.Address} <{from.Address}>",
            $"Sent: {at.UtcDateTime.ToString("dddd, MMMM d, yyyy h:mm tt", CultureInfo.InvariantCulture)}",
            $"To: {string.Join("; ", to.Select(t => t.Name ?? t.Address))}",
            $"Subject: {subject}",
            "",
            body);
}
