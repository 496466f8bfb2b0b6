using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Notifications;
using OutlookFollowUp.Reminders;

namespace OutlookFollowUp.Bench;

/// <summary>
/// Change-notification figures, from the real app in process (local mode, SQLite) against the in-memory Graph server,
/// which validates subscriptions and posts notifications to the app's routes:
/// an idle mailbox's Graph requests per day with notifications and with polling alone (a periodic sync request every
/// 15 minutes, as the background poller makes), and reply → reminder answered and flag completed, over 100 replies.
/// Run: dotnet run -c Release --project bench -- notification-figures
/// </summary>
internal static class NotificationFigures
{
    private const string User = "local:sample";
    private const string Me = "me@contoso.com";
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(TextWriter output)
    {
        // WebApplicationFactory finds a test project's content root by itself; a bench names it.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OutlookFollowUp.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_OUTLOOKFOLLOWUP_API", Path.Combine(root!.FullName, "api"));
        var (withDays, withRequests) = await IdleAsync(notifications: true, days: 7);
        var (pollDays, pollRequests) = await IdleAsync(notifications: false, days: 1);
        output.WriteLine("| idle mailbox | simulated | Graph requests | per day |");
        output.WriteLine("|---|---|---|---|");
        output.WriteLine(Row("with notifications", withDays, withRequests));
        output.WriteLine(Row("polling alone (every 15 min)", pollDays, pollRequests));

        var latencies = await ReplyLatencyAsync(100);
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant(
            $"Reply → reminder answered and flag completed, {latencies.Count} replies: median {Percentile(latencies, 0.5):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, max {latencies[^1]:F0} ms."));
    }

    private static string Row(string what, int days, IReadOnlyDictionary<string, int> requests) =>
        FormattableString.Invariant($"| {what} | {days} d | {string.Join(", ", requests.Select(r => $"{r.Value} {r.Key}"))} | {requests.Values.Sum() / (double)days:F2} |");

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Every 15 minutes of the clock, the poller's periodic request; counts Graph requests after the first sync.</summary>
    private static async Task<(int Days, IReadOnlyDictionary<string, int> Requests)> IdleAsync(bool notifications, int days)
    {
        using var host = new Host(Mailbox(10), notifications);
        await host.SyncAsync();
        if (notifications)
        {
            await Until(() => host.Graph.Subscriptions.Count == 2 && host.Rows() == 2);
        }

        host.Counted.Clear();
        var requests = host.Services.GetRequiredService<IMailboxSyncRequests>();
        for (var step = 0; step < days * 96; step++)
        {
            await requests.RequestAsync(User, SyncRequestReason.Periodic, CancellationToken.None);
            await Until(() => host.PendingSyncs() == 0);
            host.Clock.Advance(TimeSpan.FromMinutes(15));
            await Task.Delay(5); // let a renewal the clock made due start
        }

        await Task.Delay(500);
        return (days, host.Counted.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>Replies to 100 tracked messages one after another; each timed from Graph's post to the completed flag.</summary>
    private static async Task<List<double>> ReplyLatencyAsync(int replies)
    {
        var mailbox = Mailbox(replies);
        using var host = new Host(mailbox, notifications: true);
        await host.SyncAsync();
        await Until(() => host.Graph.Subscriptions.Count == 2 && host.Rows() == 2);
        using var client = host.CreateClient();
        for (var i = 0; i < replies; i++)
        {
            using var created = await client.PostAsJsonAsync("/api/reminders", new { messageId = $"AAMkSent{i}=", afterHours = 24 });
            created.EnsureSuccessStatusCode();
        }

        await host.Services.GetRequiredService<ReminderFlagQueue>().WhenIdleAsync(CancellationToken.None);
        host.Graph.MarkPublished();
        using var ticking = host.RunClock();
        var latencies = new List<double>();
        for (var i = 0; i < replies; i++)
        {
            mailbox.Put("inbox", new InMemoryMessage
            {
                Id = $"AAMkReply{i}=", InternetMessageId = $"<reply{i}@fabrikam.com>", ConversationId = $"AAQkThread{i}=",
                Subject = $"RE: Question {i}", From = new($"person{i}@fabrikam.com"), To = [new(Me)],
                SentDateTime = host.Clock.GetUtcNow(), ReceivedDateTime = host.Clock.GetUtcNow(),
            });
            var watch = Stopwatch.StartNew();
            await host.Graph.PublishChangesAsync();
            var id = $"AAMkSent{i}=";
            await Until(() => mailbox.Find(id)?["flag"]?["flagStatus"]?.GetValue<string>() == "complete", 30);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        return latencies;
    }

    /// <summary>Messages the user sent three days ago, one thread each, no reply yet.</summary>
    private static InMemoryMailbox Mailbox(int sent)
    {
        var mailbox = new InMemoryMailbox(Me);
        for (var i = 0; i < sent; i++)
        {
            mailbox.Put("sentitems", new InMemoryMessage
            {
                Id = $"AAMkSent{i}=", InternetMessageId = $"<sent{i}@contoso.com>", ConversationId = $"AAQkThread{i}=", Subject = $"Question {i}",
                From = new(Me), To = [new($"person{i}@fabrikam.com")], SentDateTime = Start.AddDays(-3), ReceivedDateTime = Start.AddDays(-3),
            });
        }

        return mailbox;
    }

    private static async Task Until(Func<bool> condition, int seconds = 60)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException("The app did not get there in time.");
            }

            await Task.Delay(2);
        }
    }

    /// <summary>The app on a fake clock, the in-memory Graph server behind a request counter, notifications on or off.</summary>
    private sealed class Host : WebApplicationFactory<Program>
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("followups-bench-").FullName;
        private readonly bool _notifications;
        private readonly CountingHandler _counting;
        private HttpClient? _callbacks;

        public Host(InMemoryMailbox mailbox, bool notifications)
        {
            _notifications = notifications;
            Graph = new InMemoryGraphHandler(mailbox) { SubscriptionClock = Clock };
            Graph.NotificationTransport = (request, ct) => (_callbacks ??= CreateClient()).SendAsync(request, ct);
            _counting = new CountingHandler(Graph, Counted);
        }

        public FakeTimeProvider Clock { get; } = new(Start);

        public InMemoryGraphHandler Graph { get; }

        /// <summary>"GET delta", "PATCH subscriptions", … one entry per Graph request.</summary>
        public ConcurrentBag<string> Counted { get; } = [];

        public async Task SyncAsync()
        {
            using var client = CreateClient();
            using var response = await client.PostAsync(new Uri("/api/threads/sync", UriKind.Relative), null);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        public int PendingSyncs()
        {
            using var scope = Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<SyncRequestStore>().CountAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        public int Rows()
        {
            using var scope = Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<OutlookFollowUp.Storage.FollowUpDbContext>().Set<SubscriptionRow>().Count(r => r.SubscriptionId != null);
        }

        /// <summary>The fake clock follows real time in 20 ms steps (the sync spacing passes as it would).</summary>
        public IDisposable RunClock()
        {
            var stop = new CancellationTokenSource();
            _ = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await Task.Delay(20);
                    Clock.Advance(TimeSpan.FromMilliseconds(20));
                }
            });
            return stop;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:DataFolder", _folder);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            if (_notifications)
            {
                builder.UseSetting("Notifications:PublicBaseUrl", "http://localhost");
            }

            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => _counting);
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(_folder))
            {
                _callbacks?.Dispose();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(_folder, recursive: true);
            }
        }
    }

    private sealed class CountingHandler(HttpMessageHandler inner, ConcurrentBag<string> counted) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var kind = path.Contains("delta", StringComparison.OrdinalIgnoreCase) ? "delta"
                : path.Contains("subscriptions", StringComparison.OrdinalIgnoreCase) ? "subscriptions"
                : path.Split('/')[^1];
            counted.Add(string.Create(CultureInfo.InvariantCulture, $"{request.Method} {kind}"));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
