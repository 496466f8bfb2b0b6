using OutlookFollowUp.FollowUps;
using static OutlookFollowUp.Tests.Support.TestMail;

namespace OutlookFollowUp.Tests.FollowUps;

public class DetectionRulesTests
{
    [Fact]
    public void LastMessage_IsLatestNonAutomated_AutoReplyNeverCountsAsAnswer()
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 72);
        var outOfOffice = sent.ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 71, subject: "Automatic reply: Quarterly numbers"));

        var result = Assert.Single(Detect(sent, outOfOffice));

        Assert.Equal((FollowUpDirection.Theirs, sent.InternetMessageId), (result.Direction, result.InternetMessageId));
    }

    [Fact]
    public void LastMessage_RealReplyAnswersTheThread()
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 72);
        var reply = sent.ReplyTo(Message(from: Ana, to: [Ana, "team@fabrikam.com"], hoursAgo: 60));

        Assert.Empty(Detect(sent, reply));
    }

    [Fact]
    public void LastMessage_DateTie_LaterReadWins()
    {
        var mine = Message(from: Me, to: [Ana], hoursAgo: 72);
        var theirs = mine.ReplyTo(Message(from: Ana, to: [Me], hoursAgo: 72));

        Assert.Equal(FollowUpDirection.Mine, Assert.Single(Detect(mine, theirs)).Direction);
        Assert.Equal(FollowUpDirection.Theirs, Assert.Single(Detect(theirs, mine)).Direction);
    }

    [Fact]
    public void ThreadOfOnlyAutomatedMessages_IsSkipped() =>
        Assert.Empty(Detect(Message(from: Ana, to: [Me], facts: new HeaderFacts { AutoSubmitted = "auto-replied" })));

    [Theory]
    [InlineData(48, true)]
    [InlineData(47.999, false)]
    [InlineData(0, false)]
    public void Window_ElapsedMustReachWindowHours(double hoursAgo, bool listed) =>
        Assert.Equal(listed, Detect(Options(windowHours: 48), Message(hoursAgo: hoursAgo)).Count == 1);

    [Theory]
    [InlineData(24, true)]
    [InlineData(36, false)]
    public void Window_IsConfigurable(int windowHours, bool listed) =>
        Assert.Equal(listed, Detect(Options(windowHours: windowHours), Message(hoursAgo: 30)).Count == 1);

    [Theory]
    [InlineData(14 * 24, true)]
    [InlineData(14 * 24 + 0.001, false)]
    [InlineData(-1, false)]
    public void Lookback_LastMessageMustFallInsideItAndNotInTheFuture(double hoursAgo, bool listed) =>
        Assert.Equal(listed, Detect(Options(windowHours: 24), Message(hoursAgo: hoursAgo)).Count == 1);

    [Fact]
    public void Lookback_IsConfigurable() =>
        Assert.Empty(Detect(Options(lookbackDays: 2), Message(hoursAgo: 72)));

    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BusinessDays_WeekendHoursDoNotCount()
    {
        // Monday noon: Thursday noon is 96 wall hours but 48 weekday hours ago; Friday noon is 72 wall hours, 24 weekday hours.
        var thursday = Message() with { Date = Monday.AddDays(-4) };
        var friday = Message() with { Date = Monday.AddDays(-3) };

        var listed = Detect(Options(windowHours: 48, businessDays: true) with { Now = Monday }, thursday, friday);

        Assert.Equal(thursday.InternetMessageId, Assert.Single(listed).InternetMessageId);
    }

    [Fact]
    public void BusinessDays_Off_CountsEveryHour() =>
        Assert.Equal(2, Detect(Options(windowHours: 48) with { Now = Monday }, Message() with { Date = Monday.AddDays(-4) }, Message() with { Date = Monday.AddDays(-3) }).Count);

    [Fact]
    public void BusinessDays_WeekendFollowsTheTimeZone()
    {
        // Monday 2026-11-16 00:30 in Tokyo is Sunday 15:30 UTC: in UTC the hours until Monday midnight are weekend hours.
        var sent = Message(hoursAgo: (Now - new DateTimeOffset(2026, 11, 15, 15, 30, 0, TimeSpan.Zero)).TotalHours);

        var utcHours = ElapsedTime.BusinessHours(sent.Date!.Value, Now, TimeZoneInfo.Utc);
        var tokyoHours = ElapsedTime.BusinessHours(sent.Date!.Value, Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Equal((60.0, 68.5), (utcHours.TotalHours, tokyoHours.TotalHours));
    }

    [Fact]
    public void Theirs_RequiresARecipientOutsideMe()
    {
        var noteToSelf = Message(from: Me, to: ["ME@contoso.com", "alias@contoso.com"]);

        Assert.Empty(Detect(Options(me: [Me, "alias@contoso.com"]), noteToSelf));
    }

    [Fact]
    public void Theirs_CounterpartsAreRecipientsOutsideMe_ToThenCc()
    {
        var sent = Message(from: Me, to: [Ana, Me], cc: [Bob, Ana]);

        Assert.Equal([Ana, Bob], Assert.Single(Detect(sent)).Counterparts);
    }

    [Fact]
    public void Me_IsComparedCaseInsensitively() =>
        Assert.Equal(FollowUpDirection.Theirs, Assert.Single(Detect(Options(me: ["Me@Contoso.COM"]), Message(from: Me))).Direction);

    [Theory]
    [InlineData("[ANNOUNCE] Release 2.0")]
    [InlineData("[ann] meetup")]
    [InlineData("ANN: new list")]
    [InlineData("[RESULT] [VOTE] Release 2.0")]
    [InlineData("FYI the build is green")]
    [InlineData("Re: Fwd: RE: AW: WG: fw: fyi notes")]
    [InlineData("  re:[announce] spaced")]
    public void Theirs_AnnouncementsExpectNoReply(string subject) =>
        Assert.Empty(Detect(Message(from: Me, subject: subject)));

    [Theory]
    [InlineData("Re: budget fyi")]
    [InlineData("[VOTE] Release 2.0")]
    [InlineData("Reannounce plans")]
    public void Theirs_OtherSubjectsExpectAReply(string subject) =>
        Assert.Single(Detect(Message(from: Me, subject: subject)));

    [Fact]
    public void Mine_RequiresMeInTo()
    {
        Assert.Single(Detect(Message(from: Ana, to: [Me])));
        Assert.Empty(Detect(Message(from: Ana, to: [Bob], cc: [Me])));
    }

    [Fact]
    public void Mine_CounterpartIsTheSender() =>
        Assert.Equal([Ana], Assert.Single(Detect(Message(from: Ana, to: [Me]))).Counterparts);

    [Theory]
    [InlineData("noreply@fabrikam.com")]
    [InlineData("billing-no-reply@fabrikam.com")]
    [InlineData("donotreply@fabrikam.com")]
    [InlineData("do-not-reply@fabrikam.com")]
    public void Mine_NoReplySendersAreNotWaitingOnMe(string sender) =>
        Assert.Empty(Detect(Message(from: sender, to: [Me])));

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "bulk")]
    [InlineData(false, "list")]
    [InlineData(false, "junk")]
    public void Mine_BulkMailIsNotWaitingOnMe(bool listUnsubscribe, string? precedence) =>
        Assert.Empty(Detect(Message(from: Ana, to: [Me], facts: new HeaderFacts { ListUnsubscribe = listUnsubscribe, Precedence = precedence })));

    [Fact]
    public void Mine_BulkMailCountsWhenIWroteInTheThread()
    {
        var mine = Message(from: Me, to: ["dev@lists.example"], hoursAgo: 100);
        var answer = mine.ReplyTo(Message(from: Ana, to: [Me, "dev@lists.example"], hoursAgo: 72, facts: new HeaderFacts { ListUnsubscribe = true }));

        var result = Assert.Single(Detect(mine, answer));

        Assert.Contains("mailing list", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mine_MyOwnAutoReplyDoesNotMakeBulkMailMine()
    {
        var list = Message(from: Ana, to: [Me], hoursAgo: 72, facts: new HeaderFacts { Precedence = "list" });
        var myOutOfOffice = list.ReplyTo(Message(from: Me, to: [Ana], hoursAgo: 71, subject: "Automatic reply: hi"));

        Assert.Empty(Detect(list, myOutOfOffice));
    }

    [Fact]
    public void Results_AreOldestFirst()
    {
        var newer = Message(hoursAgo: 50);
        var older = Message(hoursAgo: 90);

        Assert.Equal([older.InternetMessageId, newer.InternetMessageId], Detect(newer, older).Select(f => f.InternetMessageId));
    }

    [Fact]
    public void Result_CarriesScanFields()
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 72, subject: "Contract draft", id: "<c1@x>");

        var result = Assert.Single(Detect(sent));

        Assert.Equal(
            (FollowUpDirection.Theirs, "<c1@x>", "<c1@x>", "<c1@x>", Now.AddHours(-72), "Contract draft"),
            (result.Direction, result.InternetMessageId, result.MessageId, result.ThreadKey, result.Since, result.Subject));
    }
}
