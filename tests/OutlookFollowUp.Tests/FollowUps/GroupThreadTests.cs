using OutlookFollowUp.FollowUps;
using static OutlookFollowUp.Tests.Support.TestMail;

namespace OutlookFollowUp.Tests.FollowUps;

/// <summary>Group threads: who answered and who has not, without changing when a thread waits (docs/detection-rules.md).</summary>
public class GroupThreadTests
{
    private const string Carla = "carla@contoso.com";
    private const string Dan = "dan@contoso.com";

    [Fact]
    public void OneOfFourReplied_ThenTheUserWroteAgain_RepliedNamesOnlyHer()
    {
        var asked = Message(from: Me, to: [Ana, Bob], cc: [Carla, Dan], hoursAgo: 200);
        var answer = asked.ReplyTo(Message(from: Ana, to: [Me, Bob], cc: [Carla, Dan], hoursAgo: 150));
        var thanks = answer.ReplyTo(Message(from: Me, to: [Ana, Bob], cc: [Carla, Dan], hoursAgo: 100));

        var result = Assert.Single(Detect(asked, answer, thanks));

        Assert.Equal((FollowUpDirection.Theirs, 4, Ana), (result.Direction, result.Counterparts.Count, Assert.Single(result.Replied).Address));
        Assert.Contains("ana@fabrikam.com replied earlier; still waiting on bob@fabrikam.com and 2 others.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AReplyAllByOne_AnswersForHerOnly()
    {
        var asked = Message(from: Me, to: [Ana, Bob, Carla], hoursAgo: 200);
        // Ana's reply-all names Bob and Carla too: it is still only Ana's answer.
        var replyAll = asked.ReplyTo(Message(from: Ana, to: [Me, Bob, Carla], hoursAgo: 150));
        var nudge = replyAll.ReplyTo(Message(from: Me, to: [Ana, Bob, Carla], hoursAgo: 100));

        Assert.Equal([Ana], Assert.Single(Detect(asked, replyAll, nudge)).Replied.Select(r => r.Address));
    }

    [Fact]
    public void AnOutOfOfficeReply_IsNotAnAnswer()
    {
        var asked = Message(from: Me, to: [Ana, Bob], hoursAgo: 100);
        var away = asked.ReplyTo(Message(from: Bob, to: [Me], hoursAgo: 99, subject: "Automatic reply: Quarterly numbers"));

        var result = Assert.Single(Detect(asked, away));

        Assert.Equal((FollowUpDirection.Theirs, 0), (result.Direction, result.Replied.Count));
    }

    [Fact]
    public void AMessageBeforeTheUsersFirstToThem_IsNotAnAnswer()
    {
        // Bob asked first; the user answered Bob and Carla: neither has answered the user yet.
        var question = Message(from: Bob, to: [Me], hoursAgo: 200);
        var answer = question.ReplyTo(Message(from: Me, to: [Bob, Carla], hoursAgo: 100));

        var result = Assert.Single(Detect(question, answer));

        Assert.Equal((FollowUpDirection.Theirs, 0), (result.Direction, result.Replied.Count));
    }

    [Fact]
    public void EveryoneRepliedEarlier_TheThreadStillWaits_AndTheReasonSaysSo()
    {
        var asked = Message(from: Me, to: [Ana, Bob], hoursAgo: 300);
        var fromAna = asked.ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 250));
        var fromBob = fromAna.ReplyTo(Message(from: Bob, to: [Me], hoursAgo: 200));
        var more = fromBob.ReplyTo(Message(from: Me, to: [Ana, Bob], hoursAgo: 100));

        var result = Assert.Single(Detect(asked, fromAna, fromBob, more));

        Assert.Equal((FollowUpDirection.Theirs, 2), (result.Direction, result.Replied.Count));
        Assert.EndsWith("no reply since. Everyone replied earlier in the thread.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupInformation_DoesNotChangeWhetherTheThreadWaits()
    {
        // Ana's reply after the user's last message is the last message: rule 6 decides (waiting on the user), as before.
        var asked = Message(from: Me, to: [Ana, Bob, Carla, Dan], hoursAgo: 200);
        var answer = asked.ReplyTo(Message(from: Ana, to: [Me, Bob, Carla, Dan], hoursAgo: 100));

        var result = Assert.Single(Detect(asked, answer));

        Assert.Equal((FollowUpDirection.Mine, 0, 0), (result.Direction, result.Replied.Count, result.Nudges));
    }

    [Fact]
    public void OneCounterpart_HasNoGroupInformation()
    {
        var asked = Message(from: Me, to: [Ana], hoursAgo: 300);
        var answer = asked.ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 250));
        var more = answer.ReplyTo(Message(from: Me, to: [Ana], hoursAgo: 100));

        var result = Assert.Single(Detect(asked, answer, more));

        Assert.Equal((0, false), (result.Replied.Count, result.Reason.Contains("replied earlier", StringComparison.Ordinal)));
    }

    [Fact]
    public void RepliedKeepsTheNamesTheUsersMessageGave_InCounterpartOrder()
    {
        var asked = Message(from: Me, to: [Ana, Bob, Carla], hoursAgo: 300) with
        {
            To = [new MailAddress(Ana, "Ana Silva"), new MailAddress(Bob, "Bob Nguyen"), new MailAddress(Carla, "Carla Jones")],
        };
        var fromCarla = asked.ReplyTo(Message(from: Carla, to: [Me], hoursAgo: 250));
        var fromAna = fromCarla.ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 200));
        var more = fromAna.ReplyTo(asked with { Id = "<more@test>", InternetMessageId = "<more@test>", Date = Now.AddHours(-100) });

        var result = Assert.Single(Detect(asked, fromCarla, fromAna, more));

        Assert.Equal([new MailAddress(Ana, "Ana Silva"), new MailAddress(Carla, "Carla Jones")], result.Replied);
        Assert.Contains("Ana Silva and Carla Jones replied earlier; still waiting on Bob Nguyen.", result.Reason, StringComparison.Ordinal);
    }
}
