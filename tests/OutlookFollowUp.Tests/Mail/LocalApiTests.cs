using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Scan;

namespace OutlookFollowUp.Tests.Mail;

public class LocalApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SampleMailbox_ShowsTheWeeksUnansweredThreads()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);

        var body = await host.ThreadsAsync();

        Assert.Equal(
            [
                ("theirs", "Contract draft for the Q1 review"),
                ("theirs", "Partnership introduction"),
                ("theirs", "RE: Signed NDA for the pilot"),
                ("mine", "Can you review the onboarding doc?"),
                ("theirs", "Q1 roadmap priorities"),
                ("theirs", "RE: Logistics for the partner summit"),
                ("mine", "Re: [dev] API versioning proposal"),
                ("theirs", "Budget numbers for the offsite"),
                ("mine", "RE: Q4 forecast"),
                ("theirs", "Agenda for the all-hands"),
            ],
            body.Threads.Select(t => (t.Direction, t.Subject)));
        Assert.Equal((false, "2026-11-23T09:00:00Z"), (body.Stale, body.LastSyncedAt));
    }

    [Fact]
    public async Task SampleMailbox_ReplyFiledInAnotherFolder_IsFoundByTheWindowedQueryAcrossFolders()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);

        var body = await host.ThreadsAsync();

        Assert.DoesNotContain(body.Threads, t => t.Subject.Contains("Vendor quote", StringComparison.Ordinal));
        var acrossFolders = host.Graph.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/me/messages", StringComparison.Ordinal)).ToList();
        Assert.Contains("receivedDateTime ge", Uri.UnescapeDataString(Assert.Single(acrossFolders).Uri.Query), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Graph.Requests, r => Uri.UnescapeDataString(r.Uri.Query).Contains("conversationId eq", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Direction_FiltersTheList()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);

        var mine = await host.ThreadsAsync("?direction=mine");

        Assert.Equal(["mine"], mine.Threads.Select(t => t.Direction).Distinct());
    }

    [Theory]
    [InlineData("?direction=bogus")]
    [InlineData("?direction=%3Cscript%3E")]
    public async Task Direction_Unknown_Is400ProblemDetails(string query)
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/threads" + query, UriKind.Relative));

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task WarmRefreshWithNoChange_CostsOneGraphRequestPerFolderAndPerRoute()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        await host.ThreadsAsync();
        var before = host.Graph.Requests.Count;

        await host.SyncAsync();

        // A delta round per folder; the chats listing and the calendar view (the other routes of an answer).
        Assert.Equal(4, host.Graph.Requests.Count - before);
    }

    [Fact]
    public async Task DeletedMessage_LeavesTheListAfterTheNextSync()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        var first = await host.ThreadsAsync();
        var onboarding = first.Threads.Single(t => t.Subject.StartsWith("Can you review", StringComparison.Ordinal));

        Assert.True(mailbox.Remove("inbox", onboarding.MessageId));
        var after = await host.SyncAsync();

        Assert.DoesNotContain(after.Threads, t => t.MessageId == onboarding.MessageId);
    }

    [Fact]
    public async Task ExpiredDeltaLink_FullResyncGivesTheSameList()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        var first = await host.ThreadsAsync();

        mailbox.ExpireDeltaTokens();
        var after = await host.SyncAsync();

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(first.Threads), System.Text.Json.JsonSerializer.Serialize(after.Threads));
        // The inbox was read from scratch twice: the cold sync, then the resync after 410 Gone.
        Assert.Equal(2, host.Graph.Requests.Count(r => r.Uri.AbsolutePath.Contains("inbox/messages/delta", StringComparison.Ordinal)
            && r.Uri.Query.Contains("filter", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task TheAppsGraphClient_HasOneRetryLayer_AThrottledPageCostsOnePlusMaxRetriesAttempts()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        await host.ThreadsAsync();
        host.Graph.Faults.Next(GraphMatch.Url("inbox"), Fault.Throttle(0), times: 1000);
        var before = host.Graph.Requests.Count;

        var after = await host.SyncAsync();

        // Graph:MaxRetries is 3 by default: the SDK's retries only, nothing multiplying them.
        Assert.Equal((true, 1 + 3), (after.Stale, host.Graph.Requests.Count - before));
    }

    [Fact]
    public async Task GraphDown_ServesTheLastIndexAsStale()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        var first = await host.ThreadsAsync();

        host.Graph.Faults.Next(GraphMatch.Any, Fault.Unavailable(0), times: 1000);
        var after = await host.SyncAsync();

        Assert.Equal((true, first.LastSyncedAt, first.Threads.Count), (after.Stale, after.LastSyncedAt, after.Threads.Count));
    }

    [Fact]
    public async Task GraphDownBeforeTheFirstSync_Is503WithRetryAfter()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        host.Graph.Faults.Next(GraphMatch.Any, Fault.Unavailable(0), times: 1000);
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/threads", UriKind.Relative));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "application/problem+json", true),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter is not null));
    }

    [SharedFact]
    public async Task ApacheMailbox_ApiListsTheSameThreadsAsScan()
    {
        var path = SharedFolder.Path("corpus", "apache-mbox", "sling-dev-201203.mbox");
        var now = DateTimeOffset.Parse("2012-03-30T12:00:00Z", CultureInfo.InvariantCulture);
        const string me = "cziegeler@apache.org";
        using var host = new LocalApiHost(ApacheMailbox.Build(path, me), now);

        var api = await host.ThreadsAsync();
        // Rule 9 on both paths: the in-memory mailbox serves each message's text as uniqueBody, scan reads the MIME text.
        var scan = ScanCommand.Run(new ScanRequest { Path = path, Me = [me], AllUnanswered = false }, now, default);

        Assert.NotEmpty(scan.Threads);
        Assert.Equal(
            scan.Threads.Select(t => (t.Direction, t.InternetMessageId, "conv-" + t.ThreadKey, t.Since, t.Subject, string.Join(',', t.Counterparts))),
            api.Threads.Select(t => (t.Direction, t.InternetMessageId, t.ThreadKey, t.Since, t.Subject, string.Join(',', t.Counterparts))));
    }
}

public class ReminderSyncTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReplyArrivingInASync_ResolvesTheReminder_AutoReplyDoesNot()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var threads = await host.ThreadsAsync();
        var offsite = threads.Threads.Single(t => t.Subject == "Budget numbers for the offsite");
        var contract = threads.Threads.Single(t => t.Subject == "Contract draft for the Q1 review");
        var offsiteReminder = await Create(client, offsite.MessageId);
        var contractReminder = await Create(client, contract.MessageId);

        mailbox.Put("inbox", new InMemoryMessage
        {
            Id = "AAMkReplyOffsite=", InternetMessageId = "<reply-offsite@fabrikam.com>", ConversationId = offsite.ThreadKey,
            Subject = "RE: Budget numbers for the offsite", From = new("bob.nguyen@fabrikam.com", "Bob Nguyen"), To = [new(SampleMailbox.Address)],
            ReceivedDateTime = Now.AddHours(-1), SentDateTime = Now.AddHours(-1),
        });
        mailbox.Put("inbox", new InMemoryMessage
        {
            Id = "AAMkOooContract=", InternetMessageId = "<ooo-2@fabrikam.com>", ConversationId = contract.ThreadKey,
            Subject = "Automatic reply: Contract draft for the Q1 review", From = new("ana.silva@fabrikam.com"), To = [new(SampleMailbox.Address)],
            ReceivedDateTime = Now.AddHours(-1), SentDateTime = Now.AddHours(-1), Headers = [new("Auto-Submitted", "auto-replied")],
        });
        await host.SyncAsync();
        await host.Services.GetRequiredService<OutlookFollowUp.Reminders.ReminderFlagQueue>().WhenIdleAsync(CancellationToken.None); // flags are set after the response

        Assert.Equal(("resolved", "scheduled"), (await Status(client, offsiteReminder), await Status(client, contractReminder)));
        Assert.Equal(("complete", "flagged"), (Flag(mailbox, offsite.MessageId), Flag(mailbox, contract.MessageId)));
    }

    private static async Task<string> Create(HttpClient client, string messageId)
    {
        using var response = await client.PostAsJsonAsync("/api/reminders", new { messageId, afterHours = 24 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }

    private static string? Flag(InMemoryMailbox mailbox, string messageId) => mailbox.Find(messageId)?["flag"]?["flagStatus"]?.GetValue<string>();

    private static async Task<string> Status(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/reminders/{id}")).GetProperty("status").GetString()!;
}
