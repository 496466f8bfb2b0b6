using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Tests.FollowUps;

public class AutomatedMailTests
{
    [Theory]
    [InlineData("auto-replied", true)]
    [InlineData("auto-generated; owner-email=x@y", true)]
    [InlineData("Auto-Notified", true)]
    [InlineData("no", false)]
    [InlineData(" No ; comment", false)]
    [InlineData("NO", false)]
    public void AutoSubmitted_IsAutomatedUnlessNo(string value, bool automated) =>
        Assert.Equal(automated, AutomatedMail.IsAutomated(TestMail.Message(from: TestMail.Ana, facts: new HeaderFacts { AutoSubmitted = value })));

    [Fact]
    public void AutoReplyHeader_MakesMessageAutomated() =>
        Assert.True(AutomatedMail.IsAutomated(TestMail.Message(from: TestMail.Ana, facts: new HeaderFacts { AutoReplyHeader = true })));

    [Fact]
    public void PlainMessage_IsNotAutomated() =>
        Assert.False(AutomatedMail.IsAutomated(TestMail.Message(from: TestMail.Ana)));

    [Theory]
    [InlineData("multipart/report", true)]
    [InlineData("Multipart/Report", true)]
    [InlineData("multipart/mixed", false)]
    [InlineData("text/plain", false)]
    public void TopLevelContentType_ReportIsAutomated(string contentType, bool automated) =>
        Assert.Equal(automated, AutomatedMail.IsAutomated(TestMail.Message(from: TestMail.Ana, facts: new HeaderFacts { ContentType = contentType })));

    [Theory]
    [InlineData("mailer-daemon@example.org", true)]
    [InlineData("MAILER-DAEMON@example.org", true)]
    [InlineData("postmaster@example.org", true)]
    [InlineData("mailer-daemon-fan@example.org", false)]
    [InlineData("ana@postmaster.example.org", false)]
    public void SenderLocalPart_DaemonOrPostmasterIsAutomated(string from, bool automated) =>
        Assert.Equal(automated, AutomatedMail.IsAutomated(TestMail.Message(from: from)));

    [Theory]
    [InlineData("Automatic reply: Quarterly numbers")]
    [InlineData("auto reply: hi")]
    [InlineData("AutoReply: hi")]
    [InlineData("Auto-Reply: hi")]
    [InlineData("Out of Office: until Monday")]
    [InlineData("  out of office")]
    [InlineData("Undeliverable: Quarterly numbers")]
    [InlineData("Undelivered Mail Returned to Sender")]
    [InlineData("Delivery Status Notification (Failure)")]
    [InlineData("Returned mail: see transcript for details")]
    [InlineData("Mail delivery failed: returning message to sender")]
    public void Subject_AutomatedPrefixes(string subject) =>
        Assert.True(AutomatedMail.IsAutomated(TestMail.Message(from: TestMail.Ana, subject: subject)));

    [Theory]
    [InlineData("Re: Automatic reply: Quarterly numbers")]
    [InlineData("About the out of office policy")]
    [InlineData("Fwd: Undeliverable: test")]
    [InlineData("Returned mail (no colon)")]
    public void Subject_PrefixNotAtStart_IsNotAutomated(string subject) =>
        Assert.False(AutomatedMail.IsAutomated(TestMail.Message(from: TestMail.Ana, subject: subject)));

    [Theory]
    [InlineData("IPM.Note.Rules.OofTemplate.Microsoft", true)]
    [InlineData("IPM.Note.Rules.ReplyTemplate.Microsoft", true)]
    [InlineData("IPM.Schedule.Meeting.Request", true)]
    [InlineData("REPORT.IPM.Note.NDR", true)]
    [InlineData("IPM.Note", false)]
    [InlineData("IPM.Note.SMIME", false)]
    public void GraphMessageClass_AutomatedPrefixes(string messageClass, bool automated) =>
        Assert.Equal(automated, AutomatedMail.IsAutomated(TestMail.Message(from: TestMail.Ana, facts: new HeaderFacts { MessageClass = messageClass })));

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(false, "bulk", true)]
    [InlineData(false, "Junk", true)]
    [InlineData(false, " list ", true)]
    [InlineData(false, "first-class", false)]
    [InlineData(false, null, false)]
    public void IsBulk_ListUnsubscribeOrPrecedence(bool listUnsubscribe, string? precedence, bool bulk) =>
        Assert.Equal(bulk, AutomatedMail.IsBulk(TestMail.Message(from: TestMail.Ana, facts: new HeaderFacts { ListUnsubscribe = listUnsubscribe, Precedence = precedence })));

    [Theory]
    [InlineData("noreply@shop.example", true)]
    [InlineData("accounts-no-reply@example.org", true)]
    [InlineData("DoNotReply@bank.example", true)]
    [InlineData("do-not-reply.alerts@example.org", true)]
    [InlineData("ana@noreply.example", false)]
    [InlineData("norelpy@example.org", false)]
    public void IsNoReplySender_LooksAtLocalPartOnly(string address, bool noReply) =>
        Assert.Equal(noReply, AutomatedMail.IsNoReplySender(address));
}
