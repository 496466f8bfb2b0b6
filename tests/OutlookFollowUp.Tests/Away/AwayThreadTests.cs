using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutlookFollowUp.GraphSimulator;
using static OutlookFollowUp.Tests.Away.AwayMailbox;

namespace OutlookFollowUp.Tests.Away;

/// <summary>
/// A thread entering "waiting on them": the sync asks MailTips about its waited-on counterparts, the thread row keeps
/// what was found, and GET /api/threads says it as <c>away</c> (the real app in local mode against the Graph test server).
/// </summary>
public sealed class AwayThreadTests
{
    // Monday 23 Nov 2026, 09:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Thursday = new(2026, 11, 26, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_thread_entering_waiting_on_them_says_who_is_away_and_until_when()
    {
        var mailbox = AwayMailbox.Create(Now);
        mailbox.SetAutomaticReply(Ana.Address, "Out of office", Now.AddDays(-1), Thursday);
        using var host = new LocalApiHost(mailbox, Now);

        var threads = await TheirsAsync(host);

        Assert.Equal(
            """[{"address":"ana@fabrikam.com","name":"Ana Silva","until":"2026-11-26T23:00:00Z"}]""",
            threads["Quote"]["away"]!.ToJsonString());
        Assert.Null(threads["Budget"]["away"]);
        Assert.Null(threads["Offsite"]["away"]); // Ana answered there: she is not waited on
        Assert.Equal(1, MailTipsCalls(host));
    }

    [Fact]
    public async Task An_automatic_reply_with_no_end_is_said_with_until_null()
    {
        var mailbox = AwayMailbox.Create(Now);
        mailbox.SetAutomaticReply(Ana.Address, "I am travelling");
        using var host = new LocalApiHost(mailbox, Now);

        var threads = await TheirsAsync(host);

        Assert.Equal("""[{"address":"ana@fabrikam.com","name":"Ana Silva","until":null}]""", threads["Quote"]["away"]!.ToJsonString());
    }

    [Fact]
    public async Task With_several_counterparts_waited_on_it_is_said_only_when_all_of_them_are_away()
    {
        var mailbox = AwayMailbox.Create(Now);
        mailbox.SetAutomaticReply(Bob.Address, "Out of office", null, Thursday);
        mailbox.SetAutomaticReply(Carla.Address, "Out of office", null, Thursday.AddDays(1));
        using var host = new LocalApiHost(mailbox, Now);

        var threads = await TheirsAsync(host);

        // Budget waits on Bob and Carla, both away; Offsite on Carla and Dan, and Dan is in.
        Assert.Equal(["bob@fabrikam.com", "carla@contoso.com"], threads["Budget"]["away"]!.AsArray().Select(a => (string)a!["address"]!));
        Assert.Null(threads["Offsite"]["away"]);
        Assert.Equal(1, MailTipsCalls(host)); // every waited-on address of the sync in one call
    }

    [Fact]
    public async Task A_thread_saying_someone_is_away_is_asked_again_at_most_hourly_and_a_reply_turned_off_ends_it()
    {
        var mailbox = AwayMailbox.Create(Now);
        mailbox.SetAutomaticReply(Ana.Address, "I am travelling");
        using var host = new LocalApiHost(mailbox, Now);
        await TheirsAsync(host);

        // Within the hour: more syncs, the tenant's cache answers, Graph is not asked.
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        await host.SyncAsync();
        var withinTheHour = MailTipsCalls(host);

        // She is back and turns her reply off; past the hour the next sync asks again and the notice ends.
        mailbox.SetAutomaticReply(Ana.Address, null);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.SyncAsync();
        var threads = await TheirsAsync(host);

        // And a thread asked with nobody away is not asked again.
        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.SyncAsync();

        Assert.Equal(1, withinTheHour);
        Assert.Null(threads["Quote"]["away"]);
        Assert.Equal(2, MailTipsCalls(host));
    }

    [Fact]
    public async Task A_thread_that_left_waiting_on_them_and_came_back_is_asked_again()
    {
        var mailbox = AwayMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        Assert.Null((await TheirsAsync(host))["Quote"]["away"]);

        // Ana answers (the thread is mine to answer), goes away, then I write again: it enters "waiting on them" anew.
        Reply(mailbox, "inbox", "q2", Ana, Me, Now.AddHours(1));
        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.SyncAsync();
        mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, Thursday);
        Reply(mailbox, "sentitems", "q3", Me, Ana, Now.AddHours(3));
        host.Clock.Advance(TimeSpan.FromHours(50)); // past the 48 hours after which a message waits
        var threads = (await host.SyncAsync(), await TheirsAsync(host)).Item2;

        Assert.Equal("ana@fabrikam.com", (string?)threads["Quote"]["away"]![0]!["address"]);
        Assert.Equal(2, MailTipsCalls(host));
    }

    [Fact]
    public async Task An_absence_whose_end_has_passed_is_no_longer_said()
    {
        var mailbox = AwayMailbox.Create(Now);
        mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, Now.AddDays(1));
        using var host = new LocalApiHost(mailbox, Now);
        Assert.NotNull((await TheirsAsync(host))["Quote"]["away"]);

        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var threads = await TheirsAsync(host);

        Assert.Null(threads["Quote"]["away"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task MailTips_failing_never_fails_the_sync_and_nothing_is_said(HttpStatusCode status)
    {
        var mailbox = AwayMailbox.Create(Now);
        mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, Thursday);
        using var host = new LocalApiHost(mailbox, Now);
        host.Graph.Faults.Next(GraphMatch.Url("getMailTips"), Fault.Status(status, 1), times: 100);

        var body = await host.SyncAsync();
        var threads = await TheirsAsync(host);

        Assert.False(body.Stale);
        Assert.Equal(3, threads.Count);
        Assert.Null(threads["Quote"]["away"]);
    }

    private static async Task<Dictionary<string, JsonNode>> TheirsAsync(LocalApiHost host)
    {
        using var client = host.CreateClient();
        var body = await client.GetFromJsonAsync<JsonNode>(new Uri("/api/threads?direction=theirs", UriKind.Relative));
        return body!["threads"]!.AsArray().ToDictionary(t => ((string)t!["subject"]!).Replace("RE: ", "", StringComparison.Ordinal), t => t!);
    }

    private static int MailTipsCalls(LocalApiHost host) =>
        host.Graph.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/getMailTips", StringComparison.OrdinalIgnoreCase));

    private static void Reply(InMemoryMailbox mailbox, string folder, string id, InMemoryAddress from, InMemoryAddress to, DateTimeOffset at) =>
        mailbox.Put(folder, new InMemoryMessage
        {
            Id = $"AAMkAway-{id}=",
            InternetMessageId = $"<away-{id}@contoso.com>",
            ConversationId = "AAQkAway-quote=",
            Subject = "RE: Quote",
            From = from,
            To = [to],
            SentDateTime = at,
            ReceivedDateTime = at,
            ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" },
        });
}
