using MimeKit;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail.Mime;

namespace OutlookFollowUp.Tests.Mail;

/// <summary>
/// Serves a real mail export as one person's Exchange mailbox: their own mail in Sent Items without internet headers
/// (as Graph usually returns it), everything else in the Inbox with its header facts, the MIME thread as conversationId,
/// and each message's text part as its body (quoted history included: Exchange's uniqueBody does not always drop it).
/// </summary>
public static class ApacheMailbox
{
    public static InMemoryMailbox Build(string path, string me)
    {
        var records = MimeMailSource.Read(path, default).Messages;
        var threads = ThreadBuilder.Build(records).Threads;
        var texts = Texts(path);
        var mailbox = new InMemoryMailbox(me, timeZone: "UTC");
        var n = 0;
        foreach (var thread in threads)
        {
            foreach (var record in thread.Messages)
            {
                var mine = string.Equals(record.From, me, StringComparison.OrdinalIgnoreCase);
                mailbox.Put(mine ? "sentitems" : "inbox", new InMemoryMessage
                {
                    Id = $"AAMkApache{++n:D5}=",
                    InternetMessageId = record.InternetMessageId,
                    ConversationId = "conv-" + thread.Key,
                    Subject = record.Subject,
                    From = new InMemoryAddress(record.From, record.FromName),
                    To = [.. record.To.Select(a => new InMemoryAddress(a.Address, a.Name))],
                    Cc = [.. record.Cc.Select(a => new InMemoryAddress(a.Address, a.Name))],
                    SentDateTime = record.Date,
                    ReceivedDateTime = record.Date,
                    Headers = mine ? [] : Headers(record.Facts),
                    ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" },
                    Body = record.InternetMessageId is { } id ? texts.GetValueOrDefault(id) : null,
                });
            }
        }

        return mailbox;
    }

    /// <summary>Each message's plain text part by Message-ID (the first copy wins, as rule 1 keeps it).</summary>
    private static Dictionary<string, string> Texts(string path)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = File.OpenRead(path);
        var parser = new MimeParser(stream, MimeFormat.Mbox);
        while (!parser.IsEndOfStream)
        {
            using var message = parser.ParseMessage();
            if (message.MessageId is { } id && message.TextBody is { } text)
            {
                texts.TryAdd($"<{id}>", text);
            }
        }

        return texts;
    }

    private static KeyValuePair<string, string>[] Headers(HeaderFacts facts)
    {
        var headers = new List<KeyValuePair<string, string>>();
        Add("Auto-Submitted", facts.AutoSubmitted);
        Add("X-Autoreply", facts.AutoReplyHeader ? "yes" : null);
        Add("Content-Type", facts.ContentType);
        Add("List-Unsubscribe", facts.ListUnsubscribe ? "<mailto:unsubscribe@example.org>" : null);
        Add("Precedence", facts.Precedence);
        return [.. headers];

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                headers.Add(new(name, value));
            }
        }
    }
}
