using OutlookFollowUp.FollowUps;
using static OutlookFollowUp.Tests.Support.TestMail;

namespace OutlookFollowUp.Tests.FollowUps;

/// <summary>The escalation ladder: follow-ups already sent without an answer (docs/detection-rules.md).</summary>
public class EscalationLadderTests
{
    private static readonly HeaderFacts AutoReply = new() { AutoSubmitted = "auto-replied" };

    /// <summary>The original 30 days before now minus <paramref name="sent"/>, then a follow-up every 3 days, each replying to the one before.</summary>
    private static MailRecord[] MineInARow(int sent, double lastHoursAgo = 72)
    {
        var messages = new List<MailRecord>();
        for (var i = 0; i < sent; i++)
        {
            var message = Message(from: Me, to: [Ana], hoursAgo: lastHoursAgo + (sent - 1 - i) * 72);
            messages.Add(messages.Count == 0 ? message : messages[^1].ReplyTo(message));
        }

        return [.. messages];
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    public void Nudges_AreTheUsersMessagesInARowAtTheEnd_MinusTheOriginal(int sent, int nudges)
    {
        var result = Assert.Single(Detect(MineInARow(sent)));

        Assert.Equal((FollowUpDirection.Theirs, nudges), (result.Direction, result.Nudges));
    }

    [Fact]
    public void Nudges_AnAnswerInBetween_StartsTheRunAgain()
    {
        var asked = Message(from: Me, to: [Ana], hoursAgo: 300);
        var answer = asked.ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 250));
        var again = answer.ReplyTo(Message(from: Me, to: [Ana], hoursAgo: 200));
        var nudge = again.ReplyTo(Message(from: Me, to: [Ana], hoursAgo: 100));

        Assert.Equal(1, Assert.Single(Detect(asked, answer, again, nudge)).Nudges);
    }

    [Fact]
    public void Nudges_AnAutoReplyInBetween_DoesNotBreakTheRun()
    {
        var messages = MineInARow(3).ToList();
        messages.Insert(1, messages[0].ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 200, subject: "Automatic reply: Quarterly numbers", facts: AutoReply)));

        var result = Assert.Single(Detect([.. messages]));

        Assert.Equal(2, result.Nudges);
        Assert.EndsWith("no reply since. That was your 2nd follow-up.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Nudges_ABuildServersUpdateInBetween_DoesNotBreakTheRun()
    {
        var original = Message(from: Me, to: [Ana], hoursAgo: 200);
        // Rule 3a: bulk, no reply prefix, naming no message from me; the user's nudge threads it in by replying to it.
        var update = Message(from: "jenkins@builds.example", to: [Me], hoursAgo: 150, subject: "Build #12 fixed", facts: new HeaderFacts { Precedence = "bulk" });
        var nudge = Message(from: Me, to: [Ana], hoursAgo: 100, references: [original.InternetMessageId!, update.InternetMessageId!]);

        Assert.Equal(1, Assert.Single(Detect(original, update, nudge)).Nudges);
    }

    [Fact]
    public void Nudges_AnAutomatedMessageFromMe_DoesNotCount()
    {
        var messages = MineInARow(2).ToList();
        // The user's own out-of-office answer to Ana's earlier mail, in the same thread: neither a follow-up nor an answer.
        messages.Insert(1, messages[0].ReplyTo(Message(from: Me, to: [Ana], hoursAgo: 100, subject: "Automatic reply: Quarterly numbers", facts: AutoReply)));

        var result = Assert.Single(Detect([.. messages]));

        Assert.Equal((1, messages[2].InternetMessageId), (result.Nudges, result.InternetMessageId));
    }

    [Fact]
    public void Nudges_AreByDate_NotByReadOrder()
    {
        var messages = MineInARow(3);
        var answer = messages[0].ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 100));

        // Ana answered between the 2nd (144 h ago) and the 3rd (72 h ago): read last, it still sits before the 3rd.
        Assert.Equal(0, Assert.Single(Detect([.. messages, answer])).Nudges);
    }

    [Fact]
    public void Nudges_WaitingOnMe_AreZero()
    {
        var messages = MineInARow(3, lastHoursAgo: 150);
        var answer = messages[^1].ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 72));

        var result = Assert.Single(Detect([.. messages, answer]));

        Assert.Equal((FollowUpDirection.Mine, 0), (result.Direction, result.Nudges));
    }

    [Fact]
    public void Nudges_AnAliasOfMe_CountsAsMe()
    {
        var messages = MineInARow(2);
        messages[0] = messages[0] with { From = "Me.Alias@Contoso.com" };

        Assert.Equal(1, Assert.Single(Detect(Options(me: [Me, "me.alias@contoso.com"]), messages)).Nudges);
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(102, "102nd")]
    public void Reason_NamesTheFollowUpByItsOrdinal(int nudges, string ordinal) =>
        Assert.Contains($"no reply since. That was your {ordinal} follow-up.", Assert.Single(Detect(MineInARow(nudges + 1))).Reason, StringComparison.Ordinal);

    [Fact]
    public void Reason_WithoutNudges_SaysNothingOfThem() =>
        Assert.DoesNotContain("follow-up", Assert.Single(Detect(MineInARow(1))).Reason, StringComparison.Ordinal);
}
