using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutlookFollowUp.GraphSimulator;
using static OutlookFollowUp.Tests.Routes.RoutesMailbox;

namespace OutlookFollowUp.Tests.Routes;

/// <summary>
/// The other routes through the whole app in local mode against the in-memory Graph: each sync checks Teams chats and
/// the calendar, GET /api/threads drops what they answered and shows the holds, reminders say their route.
/// </summary>
public sealed class RouteSyncTests
{
    // Wednesday 18 Nov 2026, 11:00 UTC (12:00 in Berlin).
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Teams_BensChatMessageAfterTheMail_AnswersContract_AndOnlyContract()
    {
        var mailbox = Create(Now);
        mailbox.PostChatMessage(BenChat, BenId, Now.AddHours(-5));
        using var host = new LocalApiHost(mailbox, Now);

        var subjects = await SubjectsAsync(host);

        Assert.DoesNotContain("Contract", subjects);
        Assert.Contains("Question", subjects); // waiting on the user: Ben writing in the chat is not the user's answer
    }

    [Fact]
    public async Task Teams_TheUsersChatMessageToBen_AnswersWhatWaitsOnTheUser()
    {
        var mailbox = Create(Now);
        mailbox.PostChatMessage(BenChat, BenId, Now.AddHours(-120));
        mailbox.PostChatMessage(BenChat, InMemoryMailbox.OwnerUserId, Now.AddHours(-2));
        using var host = new LocalApiHost(mailbox, Now);

        var subjects = await SubjectsAsync(host);

        Assert.DoesNotContain("Question", subjects);
        Assert.Contains("Contract", subjects);
    }

    [Fact]
    public async Task Teams_AChatMessageArrivingLater_IsFoundByTheNextSync_ReadingOnlyThatChat()
    {
        var mailbox = Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        Assert.Contains("Contract", await SubjectsAsync(host));

        host.Clock.Advance(TimeSpan.FromMinutes(30));
        mailbox.PostChatMessage(BenChat, InMemoryMailbox.OwnerUserId, Now.AddMinutes(20));
        mailbox.PostChatMessage(BenChat, BenId, Now.AddMinutes(10)); // Ben wrote first, the user last: the preview is the user's
        var before = host.Graph.RouteRequests.Count;
        await host.SyncAsync();

        Assert.DoesNotContain("Contract", await SubjectsAsync(host));
        Assert.DoesNotContain("Question", await SubjectsAsync(host));
        var asked = host.Graph.RouteRequests.Skip(before).Select(r => r.Split('?')[0]).ToList();
        Assert.Equal(["GET me/chats", "GET me/chats/" + BenChat + "/messages", "GET me/calendarView"], asked);
    }

    [Fact]
    public async Task NothingChanged_OneRequestPerRoute()
    {
        var mailbox = Create(Now);
        mailbox.PostChatMessage(BenChat, BenId, Now.AddHours(-150));
        using var host = new LocalApiHost(mailbox, Now);
        await SubjectsAsync(host);

        var before = host.Graph.RouteRequests.Count;
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.SyncAsync();

        Assert.Equal(["GET me/chats", "GET me/calendarView"], host.Graph.RouteRequests.Skip(before).Select(r => r.Split('?')[0]));
    }

    [Fact]
    public async Task Meeting_HeldAfterTheMail_AnswersBothWays_AnAllHandsDoesNot()
    {
        var mailbox = Create(Now);
        mailbox.AddEvent(new InMemoryEvent("all-hands", Now.AddHours(-20), Now.AddHours(-19), Me,
            [.. Enumerable.Range(0, 8).Select(i => new InMemoryAttendee(new($"p{i}@contoso.com"))), new InMemoryAttendee(Ben)]));
        using var host = new LocalApiHost(mailbox, Now);
        Assert.Equal(["Contract", "Question", "RE: Offsite"], (await SubjectsAsync(host)).Order(StringComparer.Ordinal));

        mailbox.AddEvent(Meeting(Now, -30));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.SyncAsync();

        // Ben was waited on in all three (Jonas answered for Mia in Offsite): the small meeting answers every one.
        Assert.Empty(await SubjectsAsync(host));
    }

    [Fact]
    public async Task Meeting_Tomorrow_HoldsTheThreads_AndTheRowSaysUntilWhen_InTheMailboxTimeZone()
    {
        var mailbox = Create(Now);
        mailbox.AddEvent(Meeting(Now, 22)); // Thursday 09:00-10:00 UTC, 10:00 in Berlin
        using var host = new LocalApiHost(mailbox, Now);

        var contract = (await RowsAsync(host))["Contract"];

        Assert.Equal("2026-11-19T10:00:00Z", (string?)contract["hold"]!["until"]);
        Assert.Equal("ben@fabrikam.com", (string?)contract["hold"]!["meetings"]![0]!["with"]![0]!["address"]);
        Assert.EndsWith("no reply since. You meet Ben Okafor on Thu 10:00.", (string?)contract["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meeting_DeclinedByBen_NeitherAnswersNorHolds()
    {
        var mailbox = Create(Now);
        mailbox.AddEvent(Meeting(Now, -30, response: "declined"));
        mailbox.AddEvent(Meeting(Now, 22, id: "meeting-2", response: "declined"));
        using var host = new LocalApiHost(mailbox, Now);

        var contract = (await RowsAsync(host))["Contract"];

        Assert.Null(contract["hold"]);
    }

    [Fact]
    public async Task Colleague_JonasAnsweredForMia_TheGroupThreadWaitsOnBenOnly_AndTheSettingTurnsItOff()
    {
        var mailbox = Create(Now);
        using var host = new LocalApiHost(mailbox, Now);

        var offsite = (await RowsAsync(host))["RE: Offsite"];

        Assert.Equal(["ben@fabrikam.com"], offsite["waitingOn"]!.AsArray().Select(p => (string?)p!["address"]));
        Assert.Equal(("colleague", "jonas@northwind.example"), ((string?)offsite["answered"]![0]!["route"], (string?)offsite["answered"]![0]!["by"]!["address"]));
        Assert.Contains("Jonas Berg answered for Mia Lang; still waiting on Ben Okafor.", (string?)offsite["reason"], StringComparison.Ordinal);

        using var client = host.CreateClient();
        var settings = await client.GetFromJsonAsync<JsonObject>("/api/settings");
        Assert.True((bool)settings!["colleagueAnswers"]!);
        settings["colleagueAnswers"] = false;
        foreach (var key in new[] { "allowedWindowHours", "tenantExcludedDomains", "allowedLookbackDays", "routes", "language" })
        {
            settings.Remove(key);
        }

        using (var put = await client.PutAsJsonAsync("/api/settings", settings))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await host.SyncAsync();
        offsite = (await RowsAsync(host))["RE: Offsite"];
        Assert.Null(offsite["answered"]);
        Assert.Equal(2, offsite["waitingOn"]!.AsArray().Count);
    }

    [Fact]
    public async Task WithoutChatRead_TheTeamsRouteIsOff_MailGoesOn_SettingsNameThePermission_AndItIsNotAskedAgainForADay()
    {
        var mailbox = Create(Now);
        mailbox.ChatReadGranted = false;
        mailbox.PostChatMessage(BenChat, BenId, Now.AddHours(-5));
        using var host = new LocalApiHost(mailbox, Now);

        Assert.Contains("Contract", await SubjectsAsync(host));
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await host.SyncAsync();

        using var client = host.CreateClient();
        var routes = (await client.GetFromJsonAsync<JsonObject>("/api/settings"))!["routes"]!.AsArray();
        Assert.Equal(
            """[{"route":"teams","on":false,"permission":"Chat.Read","reason":"permission_missing"},{"route":"meetings","on":true,"permission":"Calendars.ReadBasic","reason":null}]""",
            routes.ToJsonString());
        Assert.Single(host.Graph.RouteRequests, r => r.StartsWith("GET me/chats", StringComparison.Ordinal));

        mailbox.ChatReadGranted = true;
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.SyncAsync();
        Assert.DoesNotContain("Contract", await SubjectsAsync(host));
    }

    [Fact]
    public async Task WithoutCalendarAccess_MeetingsAreOff_TheRestWorks()
    {
        var mailbox = Create(Now);
        mailbox.CalendarReadGranted = false;
        mailbox.AddEvent(Meeting(Now, -30));
        mailbox.PostChatMessage(BenChat, InMemoryMailbox.OwnerUserId, Now.AddHours(-2));
        using var host = new LocalApiHost(mailbox, Now);

        var subjects = await SubjectsAsync(host);

        Assert.Contains("Contract", subjects); // the meeting would have answered it
        Assert.DoesNotContain("Question", subjects); // the chat did
    }

    [Fact]
    public async Task Throttled_BeyondTheRetries_TheSyncSucceeds_AndTheLastFactsStand()
    {
        var mailbox = Create(Now);
        mailbox.PostChatMessage(BenChat, BenId, Now.AddHours(-5));
        using var host = new LocalApiHost(mailbox, Now);
        Assert.DoesNotContain("Contract", await SubjectsAsync(host));

        host.Graph.Faults.Next(GraphMatch.Path("me/chats"), Fault.Throttle(), times: 20);
        host.Graph.Faults.Next(GraphMatch.Path("me/calendarView"), Fault.Throttle(), times: 20);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var body = await host.SyncAsync();

        Assert.False(body.Stale);
        Assert.DoesNotContain("Contract", body.Threads.Select(t => t.Subject));
    }

    [Fact]
    public async Task Reminder_AnsweredInTeams_SaysSoInResolvedBy()
    {
        var mailbox = Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        await SubjectsAsync(host);
        using (var created = await client.PostAsJsonAsync("/api/reminders", new { messageId = "AAMkRoutes001=", afterHours = 24 }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        mailbox.PostChatMessage(BenChat, BenId, Now.AddMinutes(-1));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.SyncAsync();

        var reminder = (await client.GetFromJsonAsync<JsonObject>("/api/reminders"))!["reminders"]![0]!;
        Assert.Equal("resolved", (string?)reminder["status"]);
        Assert.Equal(("teams", "ben@fabrikam.com"), ((string?)reminder["resolvedBy"]!["route"], (string?)reminder["resolvedBy"]!["address"]));
        Assert.Equal("Ben Okafor answered in Teams on Wed 11:59", (string?)reminder["resolvedBy"]!["note"]);
    }

    private static async Task<List<string>> SubjectsAsync(LocalApiHost host) => [.. (await RowsAsync(host)).Keys];

    private static async Task<Dictionary<string, JsonNode>> RowsAsync(LocalApiHost host)
    {
        using var client = host.CreateClient();
        var body = await client.GetFromJsonAsync<JsonNode>(new Uri("/api/threads", UriKind.Relative));
        return body!["threads"]!.AsArray().ToDictionary(t => (string)t!["subject"]!, t => t!);
    }
}
