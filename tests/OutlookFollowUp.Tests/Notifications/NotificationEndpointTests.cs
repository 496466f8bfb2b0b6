using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OutlookFollowUp.Local;
using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Notifications;

/// <summary>POST /api/graph/notifications and /api/graph/lifecycle: Graph's validation, forged and broken posts, lifecycle events, a burst.</summary>
public sealed class NotificationEndpointTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/api/graph/notifications")]
    [InlineData("/api/graph/lifecycle")]
    public async Task ValidationRequest_EchoesTheTokenExactly_AsTextPlain_WithNoOriginAndAnEmptyTextBody(string route)
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();
        const string token = "Validation: Testing client application reachability <b>&amp;</b> Request-Id: 42";

        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(
            new Uri($"{route}?validationToken={Uri.EscapeDataString(token)}", UriKind.Relative), new StringContent("", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(token, await response.Content.ReadAsStringAsync());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Notification_WithTheSubscriptionsClientState_AsksForOneSync()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        var rows = await host.ActivateAsync();
        var subscription = host.GraphServer.Subscriptions.First();
        var before = host.DeltaRequests;

        using var response = await PostAsync(host, "/api/graph/notifications", Entry(subscription.Id, subscription.ClientState));
        await host.WaitForIdleSyncsAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, rows.Count);
        Assert.Equal(before + 2, host.DeltaRequests); // one delta round: inbox and sent items
    }

    [Fact]
    public async Task Notification_WithAWrongClientState_PersistsNoSyncRequest()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        await host.ActivateAsync();
        var subscription = host.GraphServer.Subscriptions.First();
        var before = host.DeltaRequests;

        using var response = await PostAsync(host, "/api/graph/notifications", Entry(subscription.Id, subscription.ClientState + "x"), Entry(subscription.Id, null));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, await host.PendingSyncRequestsAsync());
        await Task.Delay(300);
        Assert.Equal(before, host.DeltaRequests);
    }

    [Fact]
    public async Task Notification_ForAnUnknownSubscription_PersistsNoSyncRequest()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        await host.ActivateAsync();
        var clientState = host.GraphServer.Subscriptions.First().ClientState;
        var before = host.DeltaRequests;

        using var response = await PostAsync(host, "/api/graph/notifications", Entry(Guid.NewGuid().ToString(), clientState));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, await host.PendingSyncRequestsAsync());
        await Task.Delay(300);
        Assert.Equal(before, host.DeltaRequests);
    }

    [Theory]
    [InlineData("{\"value\":[{\"subscriptionId\":", HttpStatusCode.BadRequest)]
    [InlineData("[1,2,3]", HttpStatusCode.BadRequest)]
    [InlineData("{\"value\":\"x\"}", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    public async Task BrokenBody_IsA400ProblemDetails(string body, HttpStatusCode expected)
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now, publicBaseUrl: null);
        using var client = host.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/graph/notifications", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await host.PendingSyncRequestsAsync());
    }

    [Theory]
    [InlineData("/api/graph/notifications", "{\"value\":[{\"subscriptionId\":\"\\ud800\",\"clientState\":\"x\"}]}")]
    [InlineData("/api/graph/lifecycle", "{\"value\":[{\"subscriptionId\":\"\\ud800\",\"clientState\":\"x\"}]}")]
    [InlineData("/api/graph/notifications", "{\"value\":[{\"subscriptionId\":\"s\",\"clientState\":\"\\udc00x\"}]}")]
    [InlineData("/api/graph/lifecycle", "{\"value\":[{\"subscriptionId\":\"s\",\"clientState\":\"x\",\"lifecycleEvent\":\"missed\\ud800\"}]}")]
    [InlineData("/api/graph/notifications", "{\"value\":[{\"subscriptionId\":\"<invalid utf-8>\",\"clientState\":\"x\"}]}")]
    [InlineData("/api/graph/lifecycle", "{\"value\":[{\"subscriptionId\":\"s\",\"clientState\":\"<invalid utf-8>\"}]}")]
    public async Task ALoneSurrogateOrInvalidUtf8_IsA400ProblemDetails(string route, string body)
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now, publicBaseUrl: null);
        using var client = host.CreateClient();
        // 0xC3 opens a two-byte sequence that 0x28 cannot continue.
        byte[] bytes = [.. body.Split("<invalid utf-8>").SelectMany((part, i) => i == 0 ? Encoding.UTF8.GetBytes(part) : [0xC3, 0x28, .. Encoding.UTF8.GetBytes(part)])];
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync(new Uri(route, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Not a Graph notification collection.", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]!.GetValue<string>());
        Assert.Equal(0, await host.PendingSyncRequestsAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OneMegabyteBody_IsA413ProblemDetails_WithOrWithoutALength(bool announceLength)
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now, publicBaseUrl: null);
        using var client = host.CreateClient();
        var entry = Entry("s", "c").ToJsonString();
        var body = "{\"value\":[" + string.Join(',', Enumerable.Repeat(entry, 1024 * 1024 / entry.Length)) + "]}";
        HttpContent content = announceLength
            ? new StringContent(body, Encoding.UTF8, "application/json")
            : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))); // no Content-Length: read until the limit

        using var response = await client.PostAsync(new Uri("/api/graph/notifications", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TenThousandEntries_AreRefusedWhole_WithNoSync()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        await host.ActivateAsync();
        var subscription = host.GraphServer.Subscriptions.First();
        var before = host.DeltaRequests;
        // Small entries, so that the entry cap refuses it rather than the size limit.
        var entries = Enumerable.Range(0, 10_000).Select(i => new JsonObject { ["subscriptionId"] = i == 0 ? subscription.Id : "s" }).ToArray();

        using var response = await PostAsync(host, "/api/graph/notifications", entries);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await host.PendingSyncRequestsAsync());
        Assert.Equal(before, host.DeltaRequests);
    }

    [Fact]
    public async Task Lifecycle_ReauthorizationRequired_RenewsThatSubscription()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        await host.ActivateAsync();
        var subscription = host.GraphServer.Subscriptions.First();

        using var response = await host.GraphServer.SendLifecycleAsync(subscription.Id, "reauthorizationRequired");
        await NotificationHost.WaitUntilAsync(() => host.SubscriptionRequests(HttpMethod.Patch) == 1, "the renewal");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(host.GraphServer.Requests, r => r.Method == HttpMethod.Patch && r.Uri.AbsolutePath.EndsWith(subscription.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lifecycle_SubscriptionRemoved_SubscribesThatFolderAgain()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        await host.ActivateAsync();
        var removed = host.GraphServer.Subscriptions.First();

        using var response = await host.GraphServer.SendLifecycleAsync(removed.Id, "subscriptionRemoved");
        await NotificationHost.WaitUntilAsync(() => host.GraphServer.Subscriptions.Count == 2, "a new subscription");
        await NotificationHost.WaitUntilAsync(async () => (await host.SubscriptionRowsAsync()).All(r => r.SubscriptionId != removed.Id && r.SubscriptionId != null), "the new id stored");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(host.GraphServer.Subscriptions, s => s.Folder == removed.Folder && s.Id != removed.Id);
    }

    [Fact]
    public async Task Lifecycle_Missed_RunsADeltaSync()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        await host.ActivateAsync();
        var subscription = host.GraphServer.Subscriptions.First();
        var before = host.DeltaRequests;

        using var response = await host.GraphServer.SendLifecycleAsync(subscription.Id, "missed");
        await NotificationHost.WaitUntilAsync(() => host.DeltaRequests >= before + 2, "a delta sync");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Lifecycle_WithAWrongClientState_DoesNothing()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        await host.ActivateAsync();
        var subscription = host.GraphServer.Subscriptions.First();
        var forged = Entry(subscription.Id, "forged");
        forged["lifecycleEvent"] = "subscriptionRemoved";

        using var response = await PostAsync(host, "/api/graph/lifecycle", forged);
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(subscription.Id, (await host.SubscriptionRowsAsync()).Single(r => r.Folder == subscription.Folder).SubscriptionId);
        Assert.Equal(2, host.SubscriptionRequests(HttpMethod.Post));
    }

    [Fact]
    public async Task BurstOf500Notifications_EachAnsweredUnder3Seconds_CostsAFewSyncs()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        await host.ActivateAsync();
        var subscriptions = host.GraphServer.Subscriptions.ToList();
        var before = host.DeltaRequests;
        using var client = host.CreateClient();
        using var clock = host.RunClock();

        // Graph delivers from many workers at once, not all 500 in the same instant: 50 posts in flight, each timed from its send.
        using var senders = new SemaphoreSlim(50);
        var answers = await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            await senders.WaitAsync();
            try
            {
                var subscription = subscriptions[i % 2];
                var watch = Stopwatch.StartNew();
                using var response = await client.PostAsync(new Uri("/api/graph/notifications", UriKind.Relative), Body(Entry(subscription.Id, subscription.ClientState)));
                return (response.StatusCode, watch.Elapsed);
            }
            finally
            {
                senders.Release();
            }
        }));
        await host.WaitForIdleSyncsAsync();
        var syncs = (host.DeltaRequests - before) / 2;
        var times = answers.Select(a => a.Elapsed.TotalMilliseconds).Order().ToList();
        output.WriteLine($"500 notifications: median {times[249]:F0} ms, p95 {times[474]:F0} ms, slowest {times[^1]:F0} ms; {syncs} syncs");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        Assert.True(answers.Max(a => a.Elapsed) < TimeSpan.FromSeconds(3), $"slowest answer {answers.Max(a => a.Elapsed).TotalMilliseconds:F0} ms");
        Assert.InRange(syncs, 1, 5);
    }

    internal static JsonObject Entry(string subscriptionId, string? clientState) => new()
    {
        ["subscriptionId"] = subscriptionId,
        ["clientState"] = clientState,
        ["changeType"] = "created",
        ["resource"] = "Users/00000000-0000-0000-0000-000000000001/Messages/AAMk=",
        ["tenantId"] = "00000000-0000-0000-0000-0000000000aa",
    };

    private static StringContent Body(params JsonObject[] entries) =>
        new(new JsonObject { ["value"] = new JsonArray([.. entries]) }.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> PostAsync(NotificationHost host, string route, params JsonObject[] entries)
    {
        using var client = host.CreateClient();
        return await client.PostAsync(new Uri(route, UriKind.Relative), Body(entries));
    }
}
