using Microsoft.Graph.Models;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>
/// Teams chats and the calendar view through the real SDK and the app's pipeline against the in-memory Graph: what is
/// asked (documented endpoints and options, every value percent-encoded), what comes back, paging, $batch, throttling
/// and the permissions missing.
/// </summary>
public sealed class GraphAnswerRoutesTests : IDisposable
{
    private const string Ben = "ben@fabrikam.com";
    private const string BenId = "b0000000-0000-0000-0000-00000000000b";

    private readonly GraphRig _rig = new(o => o.MaxRetries = 2);

    public GraphAnswerRoutesTests() => Routes = _rig.Factory.CreateRoutes(GraphRig.MailboxKey, null, null);

    public void Dispose() => _rig.Dispose();

    private GraphAnswerRoutes Routes { get; }

    private InMemoryMailbox Mailbox => _rig.Mailbox;

    private DateTimeOffset Now => _rig.Now;

    private string Chat(string id, string address, string userId, params (string From, double HoursAgo)[] messages)
    {
        Mailbox.AddOneOnOneChat(id, new InMemoryChatMember(userId, address, address.Split('@')[0]));
        foreach (var (from, hoursAgo) in messages)
        {
            Mailbox.PostChatMessage(id, from, Now.AddHours(-hoursAgo));
        }

        return id;
    }

    [Fact]
    public async Task Chats_OneOnOneOnly_WithTheOtherMemberAndWhoWroteLast()
    {
        Chat("19:ben_me@unq.gbl.spaces", Ben, BenId, (BenId, 5), (InMemoryMailbox.OwnerUserId, 3));
        Mailbox.AddChat(new InMemoryChat("19:group@thread.v2", [new(BenId, Ben, "Ben"), new("c", "carla@contoso.com", "Carla")], "group"));
        Mailbox.PostChatMessage("19:group@thread.v2", BenId, Now.AddHours(-1));

        var chats = await Routes.ListChatsAsync([GraphRig.Me], Now.AddDays(-30), CancellationToken.None);

        var chat = Assert.Single(chats);
        Assert.Equal(("19:ben_me@unq.gbl.spaces", Ben, BenId, true), (chat.ChatId, chat.Counterpart, chat.CounterpartUserId, chat.LastFromMe));
        Assert.Equal(Now.AddHours(-3).ToUnixTimeMilliseconds(), chat.LastMessageAt!.Value.ToUnixTimeMilliseconds());
        var asked = Assert.Single(_rig.Server.RouteRequests);
        Assert.Contains("$orderby=lastMessagePreview%2FcreatedDateTime%20desc", asked, StringComparison.Ordinal);
        Assert.Contains("$expand=members,lastMessagePreview", Uri.UnescapeDataString(asked), StringComparison.Ordinal);
        Assert.Contains("$top=50", asked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chats_StopAtTheFirstPageReachingAChatNotNewerThanTheLastCheck()
    {
        for (var i = 0; i < 120; i++)
        {
            Chat($"19:c{i:D3}@unq.gbl.spaces", $"p{i}@fabrikam.com", $"u{i}", ($"u{i}", i));
        }

        var nothingNew = await Routes.ListChatsAsync([GraphRig.Me], Now.AddHours(1), CancellationToken.None);
        var all = await Routes.ListChatsAsync([GraphRig.Me], Now.AddDays(-30), CancellationToken.None);
        var someNew = await Routes.ListChatsAsync([GraphRig.Me], Now.AddHours(-60.5), CancellationToken.None);

        Assert.Equal((50, 120, 100), (nothingNew.Count, all.Count, someNew.Count));
        Assert.Equal(1 + 3 + 2, _rig.Server.RouteRequests.Count);
        Assert.Equal(all.OrderByDescending(c => c.LastMessageAt).Select(c => c.ChatId), all.Select(c => c.ChatId));
    }

    [Fact]
    public async Task ChatSides_LastMessageOfEachSide_SinceTheCheck_TwentyChatsToABatch()
    {
        var chats = Enumerable.Range(0, 25).Select(i => Chat($"19:c{i}@unq.gbl.spaces", $"p{i}@fabrikam.com", $"u{i}", ($"u{i}", 30), (InMemoryMailbox.OwnerUserId, 10), ($"u{i}", 2))).ToList();
        Mailbox.PostChatMessage(chats[0], "u0", Now.AddHours(-1), messageType: "systemEventMessage");

        var sides = await Routes.GetChatSidesAsync([.. chats.Select((c, i) => new ChatToRead(c, $"u{i}"))], Now.AddHours(-20), CancellationToken.None);

        Assert.Equal(25, sides.Count);
        var first = sides[chats[0]];
        Assert.Equal((Now.AddHours(-2).ToUnixTimeMilliseconds(), Now.AddHours(-10).ToUnixTimeMilliseconds()),
            (first.LastFromThemAt!.Value.ToUnixTimeMilliseconds(), first.LastFromMeAt!.Value.ToUnixTimeMilliseconds()));
        Assert.Equal(2, _rig.Server.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal)));
        Assert.All(_rig.Server.BatchParts, p => Assert.Contains("$filter=lastModifiedDateTime gt ", Uri.UnescapeDataString(p), StringComparison.Ordinal));
        Assert.All(_rig.Server.BatchParts, p => Assert.Contains("$orderby=lastModifiedDateTime desc", Uri.UnescapeDataString(p), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChatSides_AThrottledPart_IsSentAgainAlone_TheOthersStand()
    {
        var chats = Enumerable.Range(0, 3).Select(i => Chat($"chat-{i}", $"p{i}@fabrikam.com", $"u{i}", ($"u{i}", 2))).ToList();
        _rig.Server.Faults.Next(GraphMatch.Part("/chat-1/"), Fault.Throttle(0));

        var sides = await Routes.GetChatSidesAsync([.. chats.Select((c, i) => new ChatToRead(c, $"u{i}"))], Now.AddHours(-20), CancellationToken.None);

        Assert.Equal(3, sides.Count(s => s.Value.LastFromThemAt is not null));
        Assert.Equal(4, _rig.Server.BatchParts.Count);
    }

    [Fact]
    public async Task Chats_WithoutChatRead_IsAccessDeniedNamingIt()
    {
        Mailbox.ChatReadGranted = false;

        var denied = await Assert.ThrowsAsync<MailAccessDeniedException>(() => Routes.ListChatsAsync([GraphRig.Me], Now.AddDays(-1), CancellationToken.None));

        Assert.Equal("Chat.Read", denied.RequiredPermission);
    }

    [Fact]
    public async Task Chats_Throttled_AreRetriedByThePipeline()
    {
        Chat("19:ben_me@unq.gbl.spaces", Ben, BenId, (BenId, 5));
        _rig.Server.Faults.Next(GraphMatch.Path("me/chats"), Fault.Throttle());

        Assert.Single(await Routes.ListChatsAsync([GraphRig.Me], Now.AddDays(-1), CancellationToken.None));
        Assert.Equal(2, _rig.Server.RouteRequests.Count);
    }

    [Fact]
    public async Task Chats_StillThrottledAfterTheRetries_IsUnavailable()
    {
        _rig.Server.Faults.Next(GraphMatch.Path("me/chats"), Fault.Throttle(), times: 10);

        var busy = await Assert.ThrowsAsync<MailUnavailableException>(() => Routes.ListChatsAsync([GraphRig.Me], Now.AddDays(-1), CancellationToken.None));

        Assert.Equal(MailUnavailableReason.Throttled, busy.Reason);
    }

    [Fact]
    public async Task Calendar_OccurrencesAndSingleMeetings_WithWhoAnsweredHow_InUtcWhateverTheMailboxZone()
    {
        var ben = new InMemoryAddress(Ben, "Ben");
        var me = new InMemoryAddress(GraphRig.Me, "Me");
        Mailbox.AddEvent(new("e1", Now.AddHours(-30), Now.AddHours(-29), me, [new(ben, "accepted")]));
        Mailbox.AddEvent(new("e2", Now.AddHours(20), Now.AddHours(21), ben, [new(me, "declined")], SeriesMasterId: "series", MyResponse: "declined"));
        Mailbox.AddEvent(new("e3", Now.AddDays(20), Now.AddDays(20).AddHours(1), me, [new(ben)]));
        Mailbox.AddEvent(new("e4", Now.AddHours(5), Now.AddHours(6), me, [new(ben)], IsCancelled: true));

        var meetings = await Routes.GetMeetingsAsync(Now.AddDays(-14), Now.AddDays(7), [GraphRig.Me], CancellationToken.None);

        Assert.Equal(["e1", "e2", "e4"], meetings.Select(m => m.Id).Order(StringComparer.Ordinal));
        var past = meetings.Single(m => m.Id == "e1");
        Assert.Equal((Now.AddHours(-30).ToUnixTimeSeconds(), AttendeeResponse.Accepted, GraphRig.Me),
            (past.Start.ToUnixTimeSeconds(), Assert.Single(past.Attendees).Response, past.Organizer!.Address));
        var declined = meetings.Single(m => m.Id == "e2");
        Assert.Equal(("series", true, Ben), (declined.SeriesId, declined.DeclinedByMe, declined.Organizer!.Address));
        Assert.True(meetings.Single(m => m.Id == "e4").Cancelled);
        var asked = Assert.Single(_rig.Server.RouteRequests);
        Assert.Contains("startDateTime=", asked, StringComparison.Ordinal);
        Assert.Contains("%3A", asked, StringComparison.Ordinal); // the times' colons percent-encoded
        Assert.Contains("outlook.timezone=\"UTC\"", _rig.Server.Requests.Last().Prefer);
    }

    [Fact]
    public async Task Calendar_PagesAreFollowed()
    {
        for (var i = 0; i < 25; i++)
        {
            Mailbox.AddEvent(new($"e{i:D2}", Now.AddHours(-i - 2), Now.AddHours(-i - 1), new(GraphRig.Me), [new(new(Ben))]));
        }

        Assert.Equal(25, (await Routes.GetMeetingsAsync(Now.AddDays(-2), Now.AddDays(7), [GraphRig.Me], CancellationToken.None)).Count);
        Assert.Equal(3, _rig.Server.RouteRequests.Count); // PageSize 10
    }

    [Fact]
    public async Task Calendar_WithoutCalendarsRead_IsAccessDeniedNamingCalendarsReadBasic()
    {
        Mailbox.CalendarReadGranted = false;

        var denied = await Assert.ThrowsAsync<MailAccessDeniedException>(() => Routes.GetMeetingsAsync(Now, Now.AddDays(7), [GraphRig.Me], CancellationToken.None));

        Assert.Equal("Calendars.ReadBasic", denied.RequiredPermission);
    }

    [Fact]
    public async Task Calendar_Throttled_IsRetried()
    {
        _rig.Server.Faults.Next(GraphMatch.Path("me/calendarView"), Fault.Throttle());

        Assert.Empty(await Routes.GetMeetingsAsync(Now, Now.AddDays(7), [GraphRig.Me], CancellationToken.None));
        Assert.Equal(2, _rig.Server.RouteRequests.Count);
    }

    [Fact]
    public void AnEventInAnotherZone_IsReadAsTheRightInstant()
    {
        // Graph answers in the zone asked for; were it the mailbox's, the instant must still be right.
        var e = new Event
        {
            Id = "x",
            Start = new DateTimeTimeZone { DateTime = "2026-11-19T10:00:00.0000000", TimeZone = "Pacific Standard Time" },
            End = new DateTimeTimeZone { DateTime = "2026-11-19T11:00:00.0000000", TimeZone = "Pacific Standard Time" },
        };

        var meeting = GraphAnswerRoutes.Meeting(e, new HashSet<string>())!;

        Assert.Equal(new DateTimeOffset(2026, 11, 19, 18, 0, 0, TimeSpan.Zero), meeting.Start);
    }
}
