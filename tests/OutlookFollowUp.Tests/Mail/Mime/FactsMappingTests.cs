using MimeKit;
using OutlookFollowUp.Mail.Mime;

namespace OutlookFollowUp.Tests.Mail.Mime;

public sealed class FactsMappingTests
{
    [Fact]
    public void Facts_PlainMessage_HasNoAutomationSigns()
    {
        var facts = OneMessage.Read(Eml.Message()).Facts;

        Assert.Equal((null, false, false, null, null), (facts.AutoSubmitted, facts.AutoReplyHeader, facts.ListUnsubscribe, facts.Precedence, facts.MessageClass));
    }

    [Fact]
    public void AutoSubmitted_IsTheRawValue()
    {
        var facts = OneMessage.Read(Eml.Message().Header("Auto-Submitted", "auto-replied; owner-email=\"x@y\"")).Facts;

        Assert.Equal("auto-replied; owner-email=\"x@y\"", facts.AutoSubmitted);
    }

    [Theory]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("X-Autorespond", "")]
    [InlineData("X-MS-Exchange-Inbox-Rules-Loop", "ana@example.org")]
    [InlineData("x-autoreply", "YES")]
    public void AutoReplyHeader_AnyOfTheThree_IsTrue(string name, string value)
    {
        Assert.True(OneMessage.Read(Eml.Message().Header(name, value)).Facts.AutoReplyHeader);
    }

    [Fact]
    public void ContentType_IsTheTopLevelTypeLowerCased()
    {
        var report = Eml.Message().Header("Content-Type", "Multipart/Report; report-type=delivery-status; boundary=\"b\"")
            .Body("--b\nContent-Type: text/plain\n\nBounce.\n--b\nContent-Type: message/delivery-status\n\nAction: failed\n--b--\n");

        Assert.Equal("multipart/report", OneMessage.Read(report).Facts.ContentType);
    }

    [Fact]
    public void ContentType_Absent_IsTextPlain()
    {
        Assert.Equal("text/plain", OneMessage.Read(Eml.Message()).Facts.ContentType);
    }

    [Fact]
    public void ListUnsubscribe_Present_IsTrue()
    {
        Assert.True(OneMessage.Read(Eml.Message().Header("List-Unsubscribe", "<mailto:leave@example.org>")).Facts.ListUnsubscribe);
    }

    [Fact]
    public void Precedence_IsTheRawValue()
    {
        Assert.Equal("Bulk", OneMessage.Read(Eml.Message().Header("Precedence", "Bulk")).Facts.Precedence);
    }

    [Fact]
    public void ToRecord_FullyParsedMessage_TakesContentTypeFromTheBody()
    {
        var message = new MimeMessage { Subject = "x", Body = new Multipart("mixed"), MessageId = "m@example.org" };
        message.From.Add(new MailboxAddress("Ana", "ana@example.org"));

        var record = MimeMailSource.ToRecord(message, 1);

        Assert.Equal(("multipart/mixed", "<m@example.org>"), (record?.Facts.ContentType, record?.Id));
    }

    [Fact]
    public void ToRecord_MessageWithoutAnyMailHeader_IsNull()
    {
        Assert.Null(MimeMailSource.ToRecord(new MimeMessage([new Header("X-Whatever", "1")]), 1));
    }
}
