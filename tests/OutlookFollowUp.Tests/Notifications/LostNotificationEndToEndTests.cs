using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using OutlookFollowUp.GraphSimulator;
using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Notifications;

/// <summary>
/// The API as its own process on the real clock, with change notifications on and short settings: a reply whose
/// notification Graph lost still resolves its reminder and completes its flag within Notifications:ReconcileInterval.
/// </summary>
public sealed class LostNotificationEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Reconcile = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task A_lost_notification_costs_at_most_the_reconcile_interval_in_real_time()
    {
        var now = DateTimeOffset.UtcNow;
        var mailbox = new InMemoryMailbox("me@contoso.com");
        mailbox.Put("sentitems", Messages.Message("quote", now.AddDays(-3), "me@contoso.com") with { To = [new InMemoryAddress("ana@fabrikam.com", "Ana")] });
        using var fake = new InMemoryGraphHandler(mailbox);
        await using var graph = await GraphHttpServer.StartAsync(fake);
        var data = Directory.CreateTempSubdirectory("followups-reconcile-");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        fake.NotificationTransport = (request, ct) => http.SendAsync(request, ct);
        try
        {
            await using var api = ApiProcess.Start(RepositoryFiles.ApiOutput, new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__FollowUps"] = $"Data Source={Path.Combine(data.FullName, "followups.db")}",
                ["Graph__BaseUrl"] = graph.BaseAddress.ToString(),
                ["Graph__AccessToken"] = "local-test-token",
                ["Sync__DueSweepInterval"] = "00:00:01",
                ["Sync__BackgroundInterval"] = "00:00:02", // shorter than the reconcile: dropped while subscriptions are live
                ["Notifications__ReconcileInterval"] = $"{Reconcile:c}",
                ["Notifications__PollInterval"] = "00:00:01",
            }, address => new Dictionary<string, string?> { ["Notifications__PublicBaseUrl"] = address.ToString().TrimEnd('/') });
            using var ready = await api.WaitForAsync(http, "health/live", TimeSpan.FromSeconds(60));

            (await http.GetAsync(new Uri(api.BaseAddress, "api/threads"))).EnsureSuccessStatusCode(); // the first sync: the user is active
            await WaitAsync(() => fake.Subscriptions.Count == 2, "both subscriptions made", api);
            using var created = await http.PostAsJsonAsync(new Uri(api.BaseAddress, "api/reminders"), new { messageId = "quote", afterHours = 24 });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            await WaitAsync(() => Flag(mailbox) == "flagged", "the reminder's flag written", api);
            fake.MarkPublished();

            mailbox.Put("inbox", Messages.Message("ana-replies", DateTimeOffset.UtcNow) with { ConversationId = "conv-quote", To = [new("me@contoso.com")] });
            fake.Faults.Next(GraphMatch.Notifications, Fault.Drop);
            var posted = await fake.PublishChangesAsync();
            var clock = Stopwatch.StartNew();
            await WaitAsync(() => Flag(mailbox) == "complete", "the flag completed", api, timeout: Reconcile * 4);
            var took = clock.Elapsed;
            var reminder = await http.GetFromJsonAsync<JsonElement>(new Uri(api.BaseAddress, $"api/reminders/{id}"));
            output.WriteLine($"Reply with its notification lost: resolved and flag completed after {took.TotalSeconds:F1} s (reconcile interval {Reconcile.TotalSeconds} s)");

            Assert.Equal(0, posted);
            Assert.Equal("resolved", reminder.GetProperty("status").GetString());
            // The reconcile interval counts from the last delta round, which came before the reply: the reply waits less.
            Assert.True(took < Reconcile + TimeSpan.FromSeconds(3), $"took {took}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    private static string? Flag(InMemoryMailbox mailbox) => mailbox.Find("quote")?["flag"]?["flagStatus"]?.GetValue<string>();

    private static async Task WaitAsync(Func<bool> done, string what, ApiProcess api, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(30)), $"Timed out waiting until {what}.\n{api.Output}");
            await Task.Delay(50);
        }
    }
}
