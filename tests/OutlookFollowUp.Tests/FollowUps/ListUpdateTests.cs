using OutlookFollowUp.FollowUps;
using static OutlookFollowUp.Tests.Support.TestMail;

namespace OutlookFollowUp.Tests.FollowUps;

/// <summary>Rule 3a: generated list updates (build servers, trackers, bots) are skipped like automated mail.</summary>
public class ListUpdateTests
{
    private const string Jenkins = "jenkins@builds.example.org";
    private const string List = "dev@lists.example.org";
    private static readonly HeaderFacts ListMail = new() { ListUnsubscribe = true, Precedence = "list" };

    private static MailRecord BuildMail(double hoursAgo, string subject = "Build failed: payments-main #412", string[]? to = null) =>
        Message(from: Jenkins, to: to ?? [List], hoursAgo: hoursAgo, subject: subject, facts: ListMail);

    [Fact]
    public void BuildMailAfterMyQuestion_DoesNotAnswerIt()
    {
        var failed = BuildMail(hoursAgo: 80);
        var mine = failed.ReplyTo(Message(from: Me, to: [List], hoursAgo: 72, subject: "Re: Build failed: payments-main #412"));
        var next = failed.ReplyTo(BuildMail(hoursAgo: 60, subject: "Build is back to normal: payments-main #413"));

        var result = Assert.Single(Detect(failed, mine, next));

        Assert.Equal((FollowUpDirection.Theirs, mine.InternetMessageId), (result.Direction, result.InternetMessageId));
        Assert.EndsWith("no reply since. 1 build or tracker update did not count as a reply.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoBuildMailsAfterMyQuestion_ReasonCountsThemInThePlural()
    {
        var failed = BuildMail(hoursAgo: 80);
        var mine = failed.ReplyTo(Message(from: Me, to: [List], hoursAgo: 72, subject: "Re: Build failed"));
        var second = failed.ReplyTo(BuildMail(hoursAgo: 60));
        var third = second.ReplyTo(BuildMail(hoursAgo: 50, subject: "Build is back to normal: payments-main #414"));

        Assert.EndsWith(
            "no reply since. 2 build or tracker updates did not count as replies.",
            Assert.Single(Detect(failed, mine, second, third)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildMailAddressedToMe_IsNotWaitingOnMe_EvenInAThreadIWroteIn()
    {
        var failed = BuildMail(hoursAgo: 80);
        var mine = failed.ReplyTo(Message(from: Me, to: [List], hoursAgo: 72, subject: "Re: Build failed"));
        var fixedBuild = failed.ReplyTo(BuildMail(hoursAgo: 60, subject: "Build # 1822 - Fixed", to: [List, Me]));

        Assert.Equal(FollowUpDirection.Theirs, Assert.Single(Detect(failed, mine, fixedBuild)).Direction);
    }

    [Fact]
    public void ListPostWithReplyPrefix_StillAnswers()
    {
        var mine = Message(from: Me, to: [List], hoursAgo: 72, subject: "Release plan");
        var answer = mine.ReplyTo(Message(from: Ana, to: [List], hoursAgo: 60, subject: "RE: Release plan", facts: ListMail));

        Assert.Empty(Detect(mine, answer));
    }

    [Fact]
    public void ListPostInReplyToMyMessage_StillAnswers_WithoutAPrefix()
    {
        var mine = Message(from: Me, to: [List], hoursAgo: 72, subject: "Release plan");
        var answer = mine.ReplyTo(Message(from: Ana, to: [List], hoursAgo: 60, subject: "Release plan, second try", facts: ListMail));

        Assert.Empty(Detect(mine, answer));
    }

    [Fact]
    public void TrackerMailNamingMyMessageInReferencesOnly_StillAnswers()
    {
        var mine = Message(from: Me, to: [List], hoursAgo: 72, subject: "[jira] HADOOP-1 question");
        var other = Message(from: Bob, to: [List], hoursAgo: 70, subject: "Re: [jira] HADOOP-1 question");
        var update = Message(from: "jira@example.org", to: [List], hoursAgo: 60, subject: "[jira] [Commented] (HADOOP-1)", facts: ListMail)
            with { InReplyTo = [other.InternetMessageId!], References = [mine.InternetMessageId!, other.InternetMessageId!] };

        Assert.Empty(Detect(mine, other, update));
    }

    [Fact]
    public void MessageFromMeNamedInAnotherConversation_Counts()
    {
        // Graph threads by conversationId; a reply whose subject was edited lands in a new conversation but still names my message.
        var mine = Message(from: Me, to: [List], hoursAgo: 80, subject: "Release plan") with { ConversationId = "c1" };
        var myFollowUp = Message(from: Me, to: [List], hoursAgo: 72, subject: "Release plan (v2)") with { ConversationId = "c2" };
        var answer = Message(from: Ana, to: [List], hoursAgo: 60, subject: "Release plan (v2)", facts: ListMail)
            with { ConversationId = "c2", InReplyTo = [mine.InternetMessageId!] };

        Assert.DoesNotContain(Detect(mine, myFollowUp, answer), f => f.ThreadKey == "c2");
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "bulk")]
    [InlineData(false, "junk")]
    [InlineData(false, "List")]
    public void AnyBulkMark_MakesAnUnprefixedUnrelatedPostAnUpdate(bool listUnsubscribe, string? precedence)
    {
        var mine = Message(from: Me, to: [List], hoursAgo: 80, subject: "Re: nightly");
        var update = mine.ReplyTo(Message(from: Jenkins, to: [List], hoursAgo: 60, subject: "nightly #2",
            facts: new HeaderFacts { ListUnsubscribe = listUnsubscribe, Precedence = precedence })) with { InReplyTo = [], References = ["<elsewhere@x>"] };
        var thread = new MailThread("t", [mine, update]);

        Assert.Equal(AutomatedKind.ListUpdate, new ThreadRules(Options()).Classify(update, thread));
    }

    [Fact]
    public void NotBulk_IsAPersonsReply()
    {
        var mine = Message(from: Me, to: [Ana], hoursAgo: 80);
        var reply = Message(from: Ana, to: [Me], hoursAgo: 60, subject: "Numbers") with { References = ["<elsewhere@x>"] };
        var thread = new MailThread("t", [mine, reply]);

        Assert.Equal(AutomatedKind.None, new ThreadRules(Options()).Classify(reply, thread));
    }

    [Fact]
    public void MyOwnBulkPost_IsNeverAnUpdate()
    {
        var mine = Message(from: "ME@contoso.com", to: [List], hoursAgo: 60, subject: "Release plan", facts: ListMail);

        Assert.Equal(FollowUpDirection.Theirs, Assert.Single(Detect(mine)).Direction);
    }

    [Fact]
    public void Reminder_NotResolvedByABuildMail_ResolvedByAPersonsReply()
    {
        var tracked = Message(from: Me, to: [List], hoursAgo: 10, subject: "Re: Build failed");
        var build = Message(from: Jenkins, to: [List, Me], hoursAgo: 8, subject: "Build is back to normal", facts: ListMail);
        var rules = new ThreadRules(Options());

        Assert.Null(rules.FindReply(new MailThread("t", [tracked, build]), tracked));

        var answer = tracked.ReplyTo(Message(from: Ana, to: [List], hoursAgo: 5, subject: "Re: Build failed", facts: ListMail));
        Assert.Same(answer, rules.FindReply(new MailThread("t", [tracked, build, answer]), tracked));
    }

    [Fact]
    public void Reminder_WithTheInputsMessages_SeesMyMessageInAnotherThread()
    {
        var mine = Message(from: Me, to: [List], hoursAgo: 20, subject: "Release plan") with { ConversationId = "c1" };
        var tracked = Message(from: Me, to: [List], hoursAgo: 10, subject: "Release plan (v2)") with { ConversationId = "c2" };
        var answer = Message(from: Ana, to: [List], hoursAgo: 5, subject: "Release plan (v2)", facts: ListMail)
            with { ConversationId = "c2", References = [mine.InternetMessageId!] };
        var set = ThreadBuilder.Build([mine, tracked, answer]);
        var thread = set.Threads.Single(t => t.Key == "c2");

        Assert.Null(new ThreadRules(Options()).FindReply(thread, tracked));
        Assert.Same(answer, new ThreadRules(Options(), set.Messages).FindReply(thread, tracked));
    }
}
