using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;
using static OutlookFollowUp.Tests.Support.TestMail;

namespace OutlookFollowUp.Tests.FollowUps;

/// <summary>Rule 9: rules 5–6 give the candidates; by default a candidate is listed only when its last message asks.</summary>
public class AskRuleTests
{
    private static readonly AskVerdict Thanks = AskVerdict.Nothing;

    private static DetectionOptions AllUnanswered => Options() with { AllUnanswered = true };

    [Fact]
    public void Theirs_LastMessageAsksNothing_IsNotListed()
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 80) with { Asks = Thanks };

        Assert.Empty(Detect(sent));
    }

    [Fact]
    public void Mine_LastMessageAsksNothing_IsNotListed()
    {
        var received = Message(from: Ana, to: [Me], hoursAgo: 80) with { Asks = Thanks };

        Assert.Empty(Detect(received));
    }

    [Fact]
    public void AllUnanswered_ListsThreadsThatAskNothing_WithTodaysReason()
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 80) with { Asks = Thanks };
        var received = Message(from: Bob, to: [Me], hoursAgo: 50, fromName: "Bob") with { Asks = new AskVerdict(AskKind.Question) };

        var threads = Detect(AllUnanswered, sent, received);

        Assert.Equal(
            ["You wrote to ana@fabrikam.com 3 days ago; no reply since.", "Bob wrote to you 2 days ago; you have not replied."],
            threads.Select(t => t.Reason));
    }

    [Fact]
    public void AllUnanswered_GivesTheSameResultsWhateverTheVerdicts()
    {
        MailRecord[] Mailbox(AskVerdict? verdict) =>
        [
            Message(from: Me, to: [Ana], hoursAgo: 80, id: "<a@t>") with { Asks = verdict },
            Message(from: Bob, to: [Me], hoursAgo: 60, id: "<b@t>") with { Asks = verdict },
        ];

        static object Rows(IReadOnlyList<FollowUp> threads) => threads.Select(t => (t.Direction, t.InternetMessageId, t.Since, t.Reason)).ToList();
        var unread = Rows(Detect(AllUnanswered, Mailbox(null)));

        Assert.Equal(2, ((System.Collections.IList)unread).Count);
        Assert.Equal(unread, Rows(Detect(AllUnanswered, Mailbox(Thanks))));
        Assert.Equal(unread, Rows(Detect(AllUnanswered, Mailbox(new AskVerdict(AskKind.Signature)))));
    }

    [Fact]
    public void NotRead_CountsAsAsking_WithTodaysReason()
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 80);

        Assert.Equal("You wrote to ana@fabrikam.com 3 days ago; no reply since.", Assert.Single(Detect(sent)).Reason);
    }

    [Fact]
    public void Unreadable_CountsAsAsking_WithTodaysReason()
    {
        var received = Message(from: Ana, to: [Me], hoursAgo: 30, fromName: "Ana") with { Asks = AskVerdict.Unreadable };

        Assert.Equal("Ana wrote to you 30 hours ago; you have not replied.", Assert.Single(Detect(Options(windowHours: 24), received)).Reason);
    }

    [Theory]
    [InlineData(AskKind.Question, "You asked Ana a question 3 days ago; no reply since.")]
    [InlineData(AskKind.Request, "You sent Ana a request 3 days ago; no reply since.")]
    [InlineData(AskKind.Proposal, "You made Ana a proposal 3 days ago; no reply since.")]
    [InlineData(AskKind.Review, "You asked Ana for a review 3 days ago; no reply since.")]
    [InlineData(AskKind.Signature, "You asked Ana for a signature 3 days ago; no reply since.")]
    [InlineData(AskKind.Date, "You asked Ana to pick a date 3 days ago; no reply since.")]
    [InlineData(AskKind.Update, "You asked Ana for an update 3 days ago; no reply since.")]
    public void Theirs_ReasonSaysWhatWasAsked(AskKind kind, string reason)
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 80) with { To = [new MailAddress(Ana, "Ana")], Asks = new AskVerdict(kind) };

        Assert.Equal(reason, Assert.Single(Detect(sent)).Reason);
    }

    [Theory]
    [InlineData(AskKind.Question, "Ben asked you a question 2 days ago; you have not replied.")]
    [InlineData(AskKind.Request, "Ben sent you a request 2 days ago; you have not replied.")]
    [InlineData(AskKind.Proposal, "Ben made you a proposal 2 days ago; you have not replied.")]
    [InlineData(AskKind.Review, "Ben asked you for a review 2 days ago; you have not replied.")]
    [InlineData(AskKind.Signature, "Ben asked you for a signature 2 days ago; you have not replied.")]
    [InlineData(AskKind.Date, "Ben asked you to pick a date 2 days ago; you have not replied.")]
    [InlineData(AskKind.Update, "Ben asked you for an update 2 days ago; you have not replied.")]
    public void Mine_ReasonSaysWhatWasAsked(AskKind kind, string reason)
    {
        var received = Message(from: Bob, to: [Me], hoursAgo: 50, fromName: "Ben") with { Asks = new AskVerdict(kind) };

        Assert.Equal(reason, Assert.Single(Detect(received)).Reason);
    }

    [Fact]
    public void Theirs_TheRestOfTheReasonFollowsAsToday()
    {
        var first = Message(from: Me, to: [Ana], hoursAgo: 100) with { To = [new MailAddress(Ana, "Ana")] };
        var nudge = first.ReplyTo(Message(from: Me, to: [Ana], hoursAgo: 80)) with { To = [new MailAddress(Ana, "Ana")], Asks = new AskVerdict(AskKind.Update) };
        var outOfOffice = nudge.ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 79, facts: new HeaderFacts { AutoReplyHeader = true }));

        Assert.Equal(
            "You asked Ana for an update 3 days ago; no reply since. That was your 1st follow-up. 1 automatic reply (such as out-of-office) did not count as an answer.",
            Assert.Single(Detect(first, nudge, outOfOffice)).Reason);
    }

    [Fact]
    public void OnlyTheLastMessageDecides()
    {
        var question = Message(from: Ana, to: [Me], hoursAgo: 100) with { Asks = new AskVerdict(AskKind.Question) };
        var thanks = question.ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 80)) with { Asks = Thanks };

        Assert.Empty(Detect(question, thanks));
    }

    [Fact]
    public void AnAutomatedLastMessage_DoesNotDecide_TheLastRealOneDoes()
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 80) with { Asks = Thanks };
        var outOfOffice = sent.ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 79, facts: new HeaderFacts { AutoReplyHeader = true })) with
        {
            Asks = new AskVerdict(AskKind.Question),
        };

        Assert.Empty(Detect(sent, outOfOffice));
    }
}
