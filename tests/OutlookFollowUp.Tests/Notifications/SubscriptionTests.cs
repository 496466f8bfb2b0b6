using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Notifications;

/// <summary>Subscriptions made, renewed, clamped and deleted against the in-memory Graph server, through the real SDK.</summary>
public sealed class SubscriptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ActiveUser_GetsInboxAndSentItemsSubscriptions_ValidatedByGraph()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);

        var rows = await host.ActivateAsync();
        var subscriptions = host.GraphServer.Subscriptions.OrderBy(s => s.Folder).ToList();

        Assert.Equal(["inbox", "sentitems"], subscriptions.Select(s => s.Folder));
        Assert.All(subscriptions, s =>
        {
            Assert.Equal("created,updated,deleted", s.ChangeType);
            Assert.Equal(new Uri("http://localhost/api/graph/notifications"), s.NotificationUrl);
            Assert.Equal(new Uri("http://localhost/api/graph/lifecycle"), s.LifecycleNotificationUrl);
            Assert.Equal(Now.AddMinutes(10_080), s.Expiration);
        });
        Assert.NotEqual(subscriptions[0].ClientState, subscriptions[1].ClientState);
        Assert.Equal(subscriptions.Select(s => s.Id).Order(), rows.Select(r => r.SubscriptionId!).Order());
        // Only a hash is stored: the database never holds the client state itself.
        Assert.All(rows, r => Assert.Equal(32, r.ClientStateHash!.Length));
        Assert.True(host.GraphServer.Deliveries.IsEmpty); // validation only, no notification yet
    }

    [Fact]
    public async Task WithoutPublicBaseUrl_NoSubscriptionIsMade()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now, publicBaseUrl: null);
        using var client = host.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/threads/sync", UriKind.Relative), content: null);
        await Task.Delay(300);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Empty(await host.SubscriptionRowsAsync());
        Assert.Equal(0, host.SubscriptionRequests(HttpMethod.Post));
    }

    [Fact]
    public async Task Subscriptions_AreRenewedADayBeforeExpiry_OnceEach()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        await host.ActivateAsync();

        host.Clock.Advance(TimeSpan.FromDays(5));
        await Task.Delay(300);
        var early = host.SubscriptionRequests(HttpMethod.Patch);
        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await NotificationHost.WaitUntilAsync(() => host.SubscriptionRequests(HttpMethod.Patch) == 2, "two renewals");
        await Task.Delay(300);

        Assert.Equal(0, early);
        Assert.Equal(2, host.SubscriptionRequests(HttpMethod.Patch));
        Assert.All(host.GraphServer.Subscriptions, s => Assert.Equal(host.Clock.GetUtcNow().AddMinutes(10_080), s.Expiration));
        Assert.All(await host.SubscriptionRowsAsync(), r => Assert.Equal(host.Clock.GetUtcNow().AddMinutes(10_080), r.ExpiresAt));
    }

    [Fact]
    public async Task LifetimeGraphRefuses_IsClampedToTheOneItNames()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new NotificationHost(mailbox, Now);
        host.GraphServer.MaxSubscriptionLifetime = TimeSpan.FromMinutes(4230);

        var rows = await host.ActivateAsync();

        Assert.Equal(4, host.SubscriptionRequests(HttpMethod.Post)); // refused once per folder, then accepted
        Assert.All(host.GraphServer.Subscriptions, s => Assert.Equal(Now.AddMinutes(4229), s.Expiration));
        Assert.All(rows, r => Assert.Equal(Now.AddMinutes(4229), r.ExpiresAt));
    }

    [Fact]
    public async Task RenewalOfASubscriptionGraphForgot_CreatesANewOne()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        var rows = await host.ActivateAsync();
        using (var raw = new HttpClient(host.GraphServer, disposeHandler: false))
        {
            // Graph dropped it without telling (no lifecycle event reached the app).
            using var deleted = await raw.DeleteAsync(new Uri($"https://graph.microsoft.com/v1.0/subscriptions/{rows[0].SubscriptionId}"));
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromMinutes(1));
        await NotificationHost.WaitUntilAsync(() => host.GraphServer.Subscriptions.Count == 2, "a new subscription");
        await NotificationHost.WaitUntilAsync(async () => (await host.SubscriptionRowsAsync()).All(r => host.GraphServer.Subscriptions.Any(s => s.Id == r.SubscriptionId)), "rows match Graph");

        Assert.DoesNotContain(host.GraphServer.Subscriptions, s => s.Id == rows[0].SubscriptionId);
    }

    [Fact]
    public async Task DeleteMe_DeletesTheSubscriptionsAtGraph_AndTheRows()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        await host.ActivateAsync();
        using var client = host.CreateClient();

        using var response = await client.DeleteAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await host.SubscriptionRowsAsync());
        await NotificationHost.WaitUntilAsync(() => host.GraphServer.Subscriptions.Count == 0, "the subscriptions are deleted at Graph");
        Assert.Equal(2, host.SubscriptionRequests(HttpMethod.Delete));
    }

    [Fact]
    public async Task DeleteMe_AnswersWithinTheInteractiveBudget_WhileGraphHangs_AndRemovesTheSubscriptionsInTheBackground()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        await host.ActivateAsync();
        var graphAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.GraphServer.Faults.Always(GraphMatch.Where(r => r.Method == HttpMethod.Delete), Fault.Hold(ct => graphAnswers.Task.WaitAsync(ct)));
        using var client = host.CreateClient();
        var budget = host.Services.GetRequiredService<IOptions<GraphOptions>>().Value.InteractiveBudget;

        var erase = client.DeleteAsync(new Uri("/api/me", UriKind.Relative));
        await NotificationHost.WaitUntilAsync(() => host.SubscriptionRequests(HttpMethod.Delete) > 0, "Graph is asked to delete");
        for (var step = 0; step < 10 && !erase.IsCompleted; step++)
        {
            host.Clock.Advance(budget / 10); // the budget passes, no more
            await Task.WhenAny(erase, Task.Delay(200));
        }

        var answered = await Task.WhenAny(erase, Task.Delay(TimeSpan.FromSeconds(2))) == erase;
        graphAnswers.SetResult();
        using var response = await erase;

        Assert.True(answered, "DELETE /api/me waited on Graph past the interactive budget");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await host.SubscriptionRowsAsync());
        await NotificationHost.WaitUntilAsync(() => host.GraphServer.Subscriptions.Count == 0, "the subscriptions are deleted at Graph");
    }

    [Fact]
    public async Task DeleteMe_RemovesTheRows_EvenWhenGraphFails()
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now);
        await host.ActivateAsync();
        host.GraphServer.Faults.Next(GraphMatch.Where(r => r.Method == HttpMethod.Delete), Fault.Status(HttpStatusCode.BadGateway), times: 100);
        using var client = host.CreateClient();

        using var response = await client.DeleteAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await host.SubscriptionRowsAsync());
        Assert.Equal(2, host.GraphServer.Subscriptions.Count);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 2)]
    public async Task PeriodicSyncRequest_IsDroppedWhileNotificationsCoverTheMailbox(bool notifications, int deltaRequests)
    {
        using var host = new NotificationHost(SampleMailbox.Create(Now), Now, publicBaseUrl: notifications ? "http://localhost" : null);
        if (notifications)
        {
            await host.ActivateAsync();
        }
        else
        {
            using var client = host.CreateClient();
            using var sync = await client.PostAsync(new Uri("/api/threads/sync", UriKind.Relative), content: null);
        }

        var before = host.DeltaRequests;
        var requests = host.Services.GetRequiredService<OutlookFollowUp.Mail.IMailboxSyncRequests>();

        await requests.RequestAsync(NotificationHost.SampleUser, OutlookFollowUp.Mail.SyncRequestReason.Periodic, CancellationToken.None);
        await host.WaitForIdleSyncsAsync();

        Assert.Equal(before + deltaRequests, host.DeltaRequests);
    }
}

