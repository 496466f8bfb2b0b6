using OutlookFollowUp.FollowUps;
using static OutlookFollowUp.Tests.Support.TestMail;

namespace OutlookFollowUp.Tests.FollowUps;

public class ReasonAndReminderTests
{
    [Fact]
    public void Reason_Theirs_NamesRecipientAgeAndIgnoredAutoReply()
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 80) with { To = [new MailAddress(Ana, "Ana Silva")] };
        var outOfOffice = sent.ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 79, subject: "Automatic reply: Quarterly numbers"));

        var reason = Assert.Single(Detect(sent, outOfOffice)).Reason;

        Assert.Equal("You wrote to Ana Silva 3 days ago; no reply since. 1 automatic reply (such as out-of-office) did not count as an answer.", reason);
    }

    [Fact]
    public void Reason_Mine_NamesSender()
    {
        var received = Message(from: Ana, to: [Me], hoursAgo: 30, fromName: "Ana Silva");

        Assert.Equal("Ana Silva wrote to you 30 hours ago; you have not replied.", Assert.Single(Detect(Options(windowHours: 24), received)).Reason);
    }

    [Fact]
    public void Reason_ManyRecipientsAndABounce()
    {
        var sent = Message(from: Me, to: [Ana, Bob, "carl@fabrikam.com"], hoursAgo: 50);
        var bounce = sent.ReplyTo(Message(from: "mailer-daemon@fabrikam.com", to: [Me], hoursAgo: 49, subject: "Undelivered Mail Returned to Sender"));

        Assert.Equal("You wrote to ana@fabrikam.com and 2 others 2 days ago; no reply since. 1 delivery report ignored.", Assert.Single(Detect(sent, bounce)).Reason);
    }

    [Fact]
    public void Reason_BusinessDays_SaysWorkingHours()
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 120);

        Assert.EndsWith("5 days (72 working hours) ago; no reply since.", Assert.Single(Detect(Options(businessDays: true), sent)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_ResolvedByLaterReplyFromSomeoneElse()
    {
        var tracked = Message(from: Me, to: [Ana], hoursAgo: 10);
        var reply = tracked.ReplyTo(Message(from: Bob, to: [Me], hoursAgo: 5));
        var thread = new MailThread("t", [tracked, reply]);

        Assert.Same(reply, new ThreadRules(Options()).FindReply(thread, tracked));
    }

    [Fact]
    public void Reminder_NotResolvedByAutoReplyMyOwnMessageOrEarlierMail()
    {
        var earlier = Message(from: Ana, to: [Me], hoursAgo: 20);
        var tracked = Message(from: Me, to: [Ana], hoursAgo: 10);
        var autoReply = tracked.ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 9, facts: new HeaderFacts { AutoReplyHeader = true }));
        var mine = tracked.ReplyTo(Message(from: Me, to: [Ana], hoursAgo: 5));
        var thread = new MailThread("t", [earlier, tracked, autoReply, mine]);

        Assert.Null(new ThreadRules(Options()).FindReply(thread, tracked));
    }
}
