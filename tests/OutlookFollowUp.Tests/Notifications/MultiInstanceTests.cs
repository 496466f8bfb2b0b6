using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Notifications;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Notifications;

/// <summary>Two API hosts on one real PostgreSQL share the renewals, each working on several mailboxes at once: each subscription is renewed once.</summary>
[Trait("Needs", "Postgres")]
public sealed class MultiInstanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [OnPostgres]
    public async Task TwoHosts_RenewEachSubscriptionOnce_SeveralMailboxesAtOnce(StorageProvider provider)
    {
        const int users = 60;
        await using var database = await TestDatabase.CreateAsync(provider);
        using var graph = new InMemoryGraphHandler(SampleMailbox.Create(Now));
        graph.Latency = TimeSpan.FromMilliseconds(30); // a renewal takes a round trip: side by side shows
        graph.SubscriptionClock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var subscriptionIds = await SeedAsync(database, graph, users);
        var settings = new Dictionary<string, string> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:FollowUps"] = database.ConnectionString };
        try
        {
            using var first = new NotificationHost(SampleMailbox.Create(Now), Now, settings: settings, sharedGraph: graph, anyUser: true);
            using var second = new NotificationHost(SampleMailbox.Create(Now), Now, settings: settings, sharedGraph: graph, anyUser: true);
            _ = (first.Services, second.Services); // both started, their workers waiting on their clocks
            graph.SubscriptionClock = first.Clock;

            foreach (var host in new[] { first, second })
            {
                host.Clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromMinutes(1));
            }

            await NotificationHost.WaitUntilAsync(() => first.SubscriptionRequests(HttpMethod.Patch) >= users * 2, "every renewal", timeoutSeconds: 60);
            await Task.Delay(1000);
            var patched = graph.Requests.Where(r => r.Method == HttpMethod.Patch).Select(r => r.Uri.Segments[^1]).ToList();

            Assert.Equal(users * 2, patched.Count);
            Assert.Equal(subscriptionIds.Order(), patched.Order());
            Assert.InRange(graph.MaxInFlight, 3, 32); // up to Sync:MailboxConcurrency (16) per host
            Assert.All(graph.Subscriptions, s => Assert.Equal(Now.AddDays(6).AddMinutes(1).AddMinutes(10_080), s.Expiration));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    [Theory]
    [OnPostgres]
    public async Task NotificationsToTwoHosts_ForOneMailbox_CoalesceIntoAFewSyncs(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var graph = new InMemoryGraphHandler(SampleMailbox.Create(Now));
        var settings = new Dictionary<string, string> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:FollowUps"] = database.ConnectionString };
        try
        {
            using var first = new NotificationHost(SampleMailbox.Create(Now), Now, settings: settings, sharedGraph: graph);
            using var second = new NotificationHost(SampleMailbox.Create(Now), Now, settings: settings, sharedGraph: graph);
            await first.ActivateAsync();
            var subscription = graph.Subscriptions.First();
            var before = first.DeltaRequests;
            using var a = first.CreateClient();
            using var b = second.CreateClient();
            using var firstClock = first.RunClock();
            using var secondClock = second.RunClock();

            var answers = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
            {
                // As Graph delivers: a 503 (the database busy, on a machine running other suites) is delivered again
                // after its Retry-After; anything else is the answer.
                for (var attempt = 1; ; attempt++)
                {
                    using var content = JsonContent.Create(new { value = new[] { new { subscriptionId = subscription.Id, subscription.ClientState } } });
                    using var response = await (i % 2 == 0 ? a : b).PostAsync(new Uri("/api/graph/notifications", UriKind.Relative), content);
                    if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || attempt == 3)
                    {
                        return response.StatusCode;
                    }

                    Assert.NotNull(response.Headers.RetryAfter?.Delta);
                    await Task.Delay(response.Headers.RetryAfter!.Delta!.Value);
                }
            }));
            await first.WaitForIdleSyncsAsync();

            Assert.All(answers, s => Assert.Equal(System.Net.HttpStatusCode.Accepted, s));
            Assert.InRange((first.DeltaRequests - before) / 2, 1, 6);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>Subscriptions made at the Graph server, and their rows as the worker would have stored them, due in 6 days.</summary>
    private static async Task<List<string>> SeedAsync(TestDatabase database, InMemoryGraphHandler graph, int users)
    {
        using var raw = new HttpClient(graph, disposeHandler: false);
        var ids = new List<string>();
        await using var db = database.CreateContext();
        for (var i = 0; i < users; i++)
        {
            foreach (var folder in new[] { "inbox", "sentitems" })
            {
                var clientState = ClientStates.Create();
                using var created = await raw.PostAsJsonAsync(new Uri("https://graph.microsoft.com/v1.0/subscriptions"), new
                {
                    changeType = "created,updated,deleted", resource = $"me/mailFolders('{folder}')/messages",
                    notificationUrl = "https://followup.contoso.com/api/graph/notifications", clientState, expirationDateTime = Now.AddDays(7),
                });
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                ids.Add(id);
                db.Add(new SubscriptionRow
                {
                    UserKey = $"tenant:user-{i}", Folder = folder, SubscriptionId = id, ClientStateHash = ClientStates.Hash(clientState),
                    ExpiresAt = Now.AddDays(7), NextActionAt = Now.AddDays(6), LastActiveAt = Now,
                });
            }
        }

        await db.SaveChangesAsync();
        return ids;
    }
}
