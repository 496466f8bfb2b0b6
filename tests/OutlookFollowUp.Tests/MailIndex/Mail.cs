using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Tests.MailIndex;

/// <summary>Builders for stored messages and follow-ups.</summary>
public static class Mail
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 30, 0, TimeSpan.Zero);

    public static MailRecord Message(string id, DateTimeOffset? date = null, string subject = "Budget") => new()
    {
        Id = id,
        InternetMessageId = $"<{id}@example.com>",
        ConversationId = "conv-1",
        From = "ana@example.com",
        To = [new MailAddress("me@example.com")],
        Date = date ?? Monday,
        Subject = subject,
    };

    /// <summary>Every field set, none to its default, with a non-UTC date offset.</summary>
    public static MailRecord Full(string id) => new()
    {
        Id = id,
        InternetMessageId = "<full@example.com>",
        ConversationId = "AAQkAGI2THVSAAA=",
        InReplyTo = ["<parent@example.com>"],
        References = ["<root@example.com>", "<parent@example.com>"],
        ThreadIndex = [0x01, 0xD8, 0x00, 0xFF, 0x7A, 0x10, 0x22],
        From = "ana@example.com",
        FromName = "Ana Müller",
        To = [new MailAddress("me@example.com", "Me"), new MailAddress("bo@example.com")],
        Cc = [new MailAddress("cy@example.com", "Cy \"the\" Boss")],
        // Microseconds: PostgreSQL's timestamptz precision (mail dates are whole seconds anyway).
        Date = new DateTimeOffset(2026, 11, 16, 11, 45, 12, TimeSpan.FromHours(2)).AddTicks(1234560),
        Subject = "Re: Budget — Q4 ✓",
        Facts = new HeaderFacts
        {
            AutoSubmitted = "auto-replied; owner-email=\"x@y\"",
            AutoReplyHeader = true,
            ContentType = "multipart/report",
            MessageClass = "IPM.Note.Rules.OofTemplate.Microsoft",
            ListUnsubscribe = true,
            Precedence = "bulk",
        },
    };

    public static FollowUp Thread(string threadKey, FollowUpDirection direction, DateTimeOffset since) => new(
        direction,
        $"<{threadKey}@example.com>",
        $"msg-{threadKey}",
        threadKey,
        since,
        $"About {threadKey}",
        ["ana@example.com", "bo@example.com"],
        "You wrote to Ana 3 days ago");

    /// <summary>Asserts every MailRecord field, since its lists and bytes compare by reference in record equality.</summary>
    public static void AssertSame(MailRecord expected, MailRecord actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.InternetMessageId, actual.InternetMessageId);
        Assert.Equal(expected.ConversationId, actual.ConversationId);
        Assert.Equal(expected.InReplyTo, actual.InReplyTo);
        Assert.Equal(expected.References, actual.References);
        Assert.Equal(expected.ThreadIndex, actual.ThreadIndex);
        Assert.Equal(expected.From, actual.From);
        Assert.Equal(expected.FromName, actual.FromName);
        Assert.Equal(expected.To, actual.To);
        Assert.Equal(expected.Cc, actual.Cc);
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.Date?.Offset, actual.Date?.Offset);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.Facts, actual.Facts);
        Assert.Equal(expected.Asks, actual.Asks);
    }
}
