using OutlookFollowUp.FollowUps;
using static OutlookFollowUp.Tests.Support.TestMail;

namespace OutlookFollowUp.Tests.Routes;

/// <summary>
/// Answers that come another way (docs/detection-rules.md): Teams one-on-one chats and small meetings, both directions,
/// and colleagues in group threads; the engine is pure, chats and meetings come in as facts.
/// </summary>
public class OtherRoutesTests
{
    private const string Ben = "ben@fabrikam.com";
    private const string Mia = "mia@northwind.example";
    private const string Jonas = "jonas@northwind.example";

    private static IReadOnlyList<FollowUp> Routed(RouteFacts facts, bool colleagues, params MailRecord[] messages) => Routed(Options(), facts, colleagues, messages);

    private static IReadOnlyList<FollowUp> Routed(DetectionOptions options, RouteFacts facts, bool colleagues, params MailRecord[] messages)
    {
        var threads = ThreadBuilder.Build(messages).Threads;
        return OtherRoutes.Apply(FollowUpEngine.Evaluate(threads, options), threads, facts, options, colleagues);
    }

    private static RouteFacts Chat(string with, double? themHoursAgo, double? meHoursAgo = null) =>
        new([new ChatFact(with, themHoursAgo is { } t ? Now.AddHours(-t) : null, meHoursAgo is { } m ? Now.AddHours(-m) : null)], []);

    private static MeetingFact Meeting(double startHoursFromNow, string? organizer = Me, string[]? attendees = null, bool cancelled = false,
        AttendeeResponse response = AttendeeResponse.Accepted, string? series = null, string id = "m1", double hours = 1) =>
        new(id, Now.AddHours(startHoursFromNow), Now.AddHours(startHoursFromNow + hours),
            organizer is null ? null : new MeetingAttendee(organizer, Response: AttendeeResponse.Organizer),
            [.. (attendees ?? [Ben]).Select(a => new MeetingAttendee(a, Response: response))], cancelled, series);

    private static RouteFacts Meetings(params MeetingFact[] meetings) => new([], meetings);

    [Fact]
    public void Teams_BenWroteInTheChatAfterTheUsersMail_AnswersTheThread()
    {
        var mail = Message(from: Me, to: [Ben], hoursAgo: 72);

        Assert.Empty(Routed(Chat(Ben, themHoursAgo: 20), false, mail));
    }

    [Fact]
    public void Teams_BenWroteBeforeTheUsersMail_DoesNotAnswer()
    {
        var mail = Message(from: Me, to: [Ben], hoursAgo: 72);

        Assert.Single(Routed(Chat(Ben, themHoursAgo: 80), false, mail));
    }

    [Fact]
    public void Teams_OnlyTheUserWroteInTheChat_DoesNotAnswerAThreadWaitingOnBen()
    {
        var mail = Message(from: Me, to: [Ben], hoursAgo: 72);

        Assert.Single(Routed(Chat(Ben, themHoursAgo: null, meHoursAgo: 10), false, mail));
    }

    [Fact]
    public void Teams_WaitingOnTheUser_TheUserWroteToTheSenderInTheChat_Answers()
    {
        var mail = Message(from: Ben, to: [Me], hoursAgo: 72);

        Assert.Empty(Routed(Chat(Ben, themHoursAgo: null, meHoursAgo: 5), false, mail));
        Assert.Single(Routed(Chat(Ben, themHoursAgo: 5, meHoursAgo: null), false, mail)); // Ben chatting is not the user's answer
    }

    [Fact]
    public void Teams_InAGroupThread_AnswersForBenOnly()
    {
        var mail = Message(from: Me, to: [Ben, Ana], hoursAgo: 72);

        var result = Assert.Single(Routed(Chat(Ben, themHoursAgo: 20), false, mail));

        var answer = Assert.Single(result.Answered);
        Assert.Equal((Ben, AnswerRoute.Teams), (answer.For.Address, answer.Route));
        Assert.EndsWith("no reply since. ben@fabrikam.com answered in Teams; still waiting on ana@fabrikam.com.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Teams_InAGroupThread_EveryoneWaitedOnAnswered_TheThreadIsAnswered()
    {
        var mail = Message(from: Me, to: [Ben, Ana], hoursAgo: 72);
        var facts = new RouteFacts([new(Ben, Now.AddHours(-20), null), new(Ana, Now.AddHours(-2), null)], []);

        Assert.Empty(Routed(facts, false, mail));
    }

    [Fact]
    public void Meeting_HeldAfterTheMail_AnswersInBothDirections()
    {
        var sent = Message(from: Me, to: [Ben], hoursAgo: 72);
        var received = Message(from: Ben, to: [Me], hoursAgo: 72, subject: "Other");

        Assert.Empty(Routed(Meetings(Meeting(-30)), false, sent, received));
    }

    [Fact]
    public void Meeting_BenOrganizedIt_Answers()
    {
        var mail = Message(from: Me, to: [Ben], hoursAgo: 72);

        Assert.Empty(Routed(Meetings(Meeting(-30, organizer: Ben, attendees: [Me])), false, mail));
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("declined by Ben")]
    [InlineData("all-hands")]
    [InlineData("before the mail")]
    [InlineData("without Ben")]
    public void Meeting_ThatDoesNotCount_LeavesTheThreadWaiting(string which)
    {
        var mail = Message(from: Me, to: [Ben], hoursAgo: 72);
        var meeting = which switch
        {
            "cancelled" => Meeting(-30, cancelled: true),
            "declined by Ben" => Meeting(-30, response: AttendeeResponse.Declined),
            "all-hands" => Meeting(-30, attendees: [Ben, "a@x.example", "b@x.example", "c@x.example", "d@x.example", "e@x.example"]),
            "before the mail" => Meeting(-80),
            _ => Meeting(-30, attendees: ["someone@fabrikam.com"]),
        };

        var result = Assert.Single(Routed(Meetings(meeting), false, mail));
        Assert.Empty(result.Answered);
    }

    [Fact]
    public void Meeting_OfSixPeopleCountsAndOfSevenDoesNot()
    {
        var mail = Message(from: Me, to: [Ben], hoursAgo: 72);
        string[] five = [Ben, "a@x.example", "b@x.example", "c@x.example", "d@x.example"];

        Assert.Empty(Routed(Meetings(Meeting(-30, attendees: five)), false, mail)); // with the user: 6
        Assert.Single(Routed(Meetings(Meeting(-30, attendees: [.. five, "e@x.example"])), false, mail));
    }

    [Fact]
    public void Meeting_Ahead_HoldsTheThreadUntilItEnds_AndTheReasonSaysWhen()
    {
        // Wednesday noon UTC; the meeting is Thursday 10:00-11:30 in Berlin (09:00-10:30 UTC).
        var mail = Message(from: Me, to: [Ben], hoursAgo: 72);
        var meeting = Meeting(21, hours: 1.5);

        var result = Assert.Single(Routed(Options(zone: "Europe/Berlin"), Meetings(meeting), false, mail));

        Assert.Equal(meeting.End, result.Hold!.Until);
        Assert.EndsWith("no reply since. You meet ben@fabrikam.com on Thu 10:00.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Meeting_InTheUsersTimeZone_NotTheServers()
    {
        var mail = Message(from: Me, to: [Ben], hoursAgo: 72);

        var result = Assert.Single(Routed(Options(zone: "America/Los_Angeles"), Meetings(Meeting(21)), false, mail));

        Assert.EndsWith("You meet ben@fabrikam.com on Thu 01:00.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Meeting_MoreThanSevenDaysAhead_DoesNotHold()
    {
        var mail = Message(from: Me, to: [Ben], hoursAgo: 72);

        Assert.Null(Assert.Single(Routed(Meetings(Meeting(24 * 7 + 1)), false, mail)).Hold);
    }

    [Fact]
    public void Meeting_InProgress_HoldsUntilItEnds()
    {
        var mail = Message(from: Me, to: [Ben], hoursAgo: 72);

        Assert.Equal(Now.AddHours(0.5), Assert.Single(Routed(Meetings(Meeting(-0.5)), false, mail)).Hold!.Until);
    }

    [Fact]
    public void Meeting_Recurring_CountsOneOccurrenceAtATime()
    {
        // A weekly one-on-one: the next occurrence holds; the hold ends when that occurrence does, not at the last one.
        var mail = Message(from: Me, to: [Ben], hoursAgo: 72);
        var facts = Meetings(Meeting(24, series: "weekly", id: "w1"), Meeting(24 + 24 * 7, series: "weekly", id: "w2"));

        var hold = Assert.Single(Routed(facts, false, mail)).Hold!;

        Assert.Equal(("w1", Now.AddHours(25)), (Assert.Single(hold.Meetings).MeetingId, hold.Until));
    }

    [Fact]
    public void Meeting_AReminderHeldByASeriesIsNotHeldByItAgain()
    {
        var facts = Meetings(Meeting(24, series: "weekly", id: "w1"), Meeting(48, series: "weekly", id: "w2"), Meeting(30, id: "other", attendees: [Ana]));

        Assert.Equal("w1", Assert.Single(OtherRoutes.HoldOfAny([new(Ben)], Now.AddDays(-3), facts, Options())!.Meetings).MeetingId);
        Assert.Null(OtherRoutes.HoldOfAny([new(Ben)], Now.AddDays(-3), facts, Options(), heldSeries: "weekly"));
    }

    [Fact]
    public void Meeting_InAGroup_HoldsOnlyWhenEveryoneWaitedOnHasOneAhead()
    {
        var mail = Message(from: Me, to: [Ben, Ana], hoursAgo: 72);

        Assert.Null(Assert.Single(Routed(Meetings(Meeting(20)), false, mail)).Hold);
        var both = Assert.Single(Routed(Meetings(Meeting(20, attendees: [Ben, Ana])), false, mail));
        Assert.EndsWith("You meet ben@fabrikam.com and ana@fabrikam.com on Thu 08:00.", both.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Colleague_InAGroupThread_AnswersForTheWaitedOnPerson()
    {
        var asked = Message(from: Me, to: [Mia, Ben], hoursAgo: 200, fromName: null);
        var jonas = asked.ReplyTo(Message(from: Jonas, to: [Me], cc: [Mia], hoursAgo: 150, fromName: "Jonas"));
        var again = jonas.ReplyTo(Message(from: Me, to: [Mia, Ben], hoursAgo: 100));

        var result = Assert.Single(Routed(RouteFacts.None, true, asked, jonas, again));

        var answer = Assert.Single(result.Answered);
        Assert.Equal((Mia, AnswerRoute.Colleague, Jonas), (answer.For.Address, answer.Route, answer.By!.Address));
        Assert.EndsWith("no reply since. Jonas answered for mia@northwind.example; still waiting on ben@fabrikam.com.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Colleague_WithTheSettingOff_ChangesNothing()
    {
        var asked = Message(from: Me, to: [Mia, Ben], hoursAgo: 200);
        var jonas = asked.ReplyTo(Message(from: Jonas, to: [Me], hoursAgo: 150));
        var again = jonas.ReplyTo(Message(from: Me, to: [Mia, Ben], hoursAgo: 100));

        var result = Assert.Single(Routed(RouteFacts.None, false, asked, jonas, again));

        Assert.Empty(result.Answered);
        Assert.EndsWith("no reply since.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Colleague_AtAPublicMailDomain_IsNobodysColleague()
    {
        var asked = Message(from: Me, to: ["mia@gmail.com", Ben], hoursAgo: 200);
        var other = asked.ReplyTo(Message(from: "jonas@gmail.com", to: [Me], hoursAgo: 150));
        var again = other.ReplyTo(Message(from: Me, to: ["mia@gmail.com", Ben], hoursAgo: 100));

        Assert.Empty(Assert.Single(Routed(RouteFacts.None, true, asked, other, again)).Answered);
        Assert.False(Organizations.Colleagues("jonas@gmail.com", "mia@gmail.com"));
        Assert.True(Organizations.Colleagues("jonas@northwind.example", "MIA@Northwind.example"));
    }

    [Fact]
    public void Colleague_AndAReplyEarlier_ShareTheGroupSentence()
    {
        const string Carla = "carla@tailspin.example";
        var asked = Message(from: Me, to: [Mia, Ben, Carla], hoursAgo: 200);
        var fromBen = asked.ReplyTo(Message(from: Ben, to: [Me], hoursAgo: 160));
        var jonas = fromBen.ReplyTo(Message(from: Jonas, to: [Me], hoursAgo: 150, fromName: "Jonas"));
        var again = jonas.ReplyTo(Message(from: Me, to: [Mia, Ben, Carla], hoursAgo: 100));

        var result = Assert.Single(Routed(RouteFacts.None, true, asked, fromBen, jonas, again));

        Assert.EndsWith(
            "no reply since. ben@fabrikam.com replied earlier; Jonas answered for mia@northwind.example; still waiting on carla@tailspin.example.",
            result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Colleague_WhoIsACounterpartToo_AnswersForTheOthersOfTheirOrganization()
    {
        // Ben and Ana both work at Fabrikam: Ben's reply answers for Ana as well.
        var asked = Message(from: Me, to: [Ben, Ana], hoursAgo: 200);
        var fromBen = asked.ReplyTo(Message(from: Ben, to: [Me], hoursAgo: 160, fromName: "Ben"));
        var again = fromBen.ReplyTo(Message(from: Me, to: [Ben, Ana], hoursAgo: 100));

        var result = Assert.Single(Routed(RouteFacts.None, true, asked, fromBen, again));

        Assert.EndsWith("no reply since. ben@fabrikam.com replied earlier; Ben answered for ana@fabrikam.com.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Colleague_InAOnePersonThread_IsRuleSevenAsBefore()
    {
        // Any reply already answers a one-person thread: the thread is not waiting on Mia at all.
        var asked = Message(from: Me, to: [Mia], hoursAgo: 200);
        var jonas = asked.ReplyTo(Message(from: Jonas, to: [Mia], cc: [], hoursAgo: 150));

        Assert.Empty(Routed(RouteFacts.None, true, asked, jonas));
    }

    [Fact]
    public void NoFacts_AndNoColleagues_ReturnsTheSameList()
    {
        var mail = Message(from: Me, to: [Ben], hoursAgo: 72);
        var threads = ThreadBuilder.Build([mail]).Threads;
        var plain = FollowUpEngine.Evaluate(threads, Options());

        Assert.Same(plain, OtherRoutes.Apply(plain, threads, RouteFacts.None, Options(), colleagueAnswers: false));
    }

    [Fact]
    public void Reminder_AnyCounterpartAnsweringAnotherWay_ResolvesIt()
    {
        var facts = new RouteFacts([new(Ben, Now.AddHours(-3), null)], [Meeting(-30, attendees: [Ana])]);

        var answer = OtherRoutes.AnswerOfAny([new(Ana), new(Ben)], FollowUpDirection.Theirs, Now.AddDays(-3), facts, Options())!;

        Assert.Equal((Ana, AnswerRoute.Meeting), (answer.For.Address, answer.Route)); // the earlier of the two
    }
}
