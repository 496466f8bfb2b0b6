using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Tests.Support;

/// <summary>
/// Puts a test's threads into an in-memory mailbox: each message numbered under <paramref name="name"/>
/// (<c>AAMk{name}001=</c>, <c>&lt;{tag}-001@contoso.com&gt;</c>), in conversation <c>AAQk{name}-{conversation}=</c>,
/// sent and received <c>hoursAgo</c> before <paramref name="now"/>.
/// </summary>
/// <param name="tag">The name as the Internet message ids spell it ("pane-ladder" for "PaneLadder").</param>
internal sealed class ConversationWriter(InMemoryMailbox mailbox, DateTimeOffset now, string name, string tag)
{
    private int _count;

    /// <param name="body">The message's text (null: an empty body); <paramref name="uniqueBody"/> its new part, when it quotes history.</param>
    public void Put(
        string folder, string conversation, double hoursAgo, InMemoryAddress from, InMemoryAddress[] to, string subject, InMemoryAddress[]? cc = null,
        string? body = null, string? uniqueBody = null)
    {
        var n = ++_count;
        var at = now.AddHours(-hoursAgo);
        mailbox.Put(folder, new InMemoryMessage
        {
            Id = $"AAMk{name}{n:D3}=",
            InternetMessageId = $"<{tag}-{n:D3}@contoso.com>",
            ConversationId = $"AAQk{name}-{conversation}=",
            Subject = subject,
            From = from,
            To = to,
            Cc = cc ?? [],
            SentDateTime = at,
            ReceivedDateTime = at,
            ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" },
            Body = body,
            UniqueBody = uniqueBody,
        });
    }
}
