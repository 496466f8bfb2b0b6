using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Notifications;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Notifications;

/// <summary>
/// The real app in local mode with <c>Notifications:PublicBaseUrl</c> set (unless <paramref name="publicBaseUrl"/> is
/// null), and the in-memory Graph server posting its validation requests, notifications and lifecycle events to the
/// app's own routes. <paramref name="sharedGraph"/> lets two hosts talk to one Graph server.
/// </summary>
public sealed class NotificationHost : LocalAppFactory
{
    public const string SampleUser = "local:sample";

    private readonly string? _publicBaseUrl;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly InMemoryGraphHandler? _sharedGraph;
    private readonly bool _anyUser;
    private HttpClient? _graphClient;

    /// <param name="anyUser">
    /// Local mode acts for its own user alone; a host standing in for a deployment of many users (rows of made-up user
    /// keys) is given a mailbox port that serves any key, as the test rigs' own.
    /// </param>
    public NotificationHost(
        InMemoryMailbox mailbox, DateTimeOffset now, string? publicBaseUrl = "http://localhost",
        IReadOnlyDictionary<string, string>? settings = null, InMemoryGraphHandler? sharedGraph = null, bool anyUser = false)
        : base(mailbox, now, "followups-notify-")
    {
        _anyUser = anyUser;
        _publicBaseUrl = publicBaseUrl;
        _settings = settings ?? new Dictionary<string, string>();
        _sharedGraph = sharedGraph;
        GraphServer.SubscriptionClock = Clock;
        GraphServer.NotificationTransport = (request, ct) => (_graphClient ??= CreateClient()).SendAsync(request, ct);
    }

    /// <summary>The Graph server the app talks to (its own, or the shared one).</summary>
    public InMemoryGraphHandler GraphServer => _sharedGraph ?? Graph;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_publicBaseUrl is not null)
        {
            builder.UseSetting("Notifications:PublicBaseUrl", _publicBaseUrl);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_anyUser)
        {
            builder.ConfigureTestServices(services =>
                services.AddSingleton<OutlookFollowUp.Mail.IMailboxes>(sp => new OutlookFollowUp.Local.LocalMailboxes(sp.GetRequiredService<GraphClientFactory>())));
        }

        if (_sharedGraph is not null)
        {
            builder.ConfigureTestServices(services =>
                services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => _sharedGraph));
        }
    }

    protected override void DisposeOwned() => _graphClient?.Dispose();

    public int DeltaRequests => GraphServer.Requests.Count(r => r.Uri.AbsolutePath.Contains("delta", StringComparison.OrdinalIgnoreCase));

    public int SubscriptionRequests(HttpMethod method) =>
        GraphServer.Requests.Count(r => r.Method == method && r.Uri.AbsolutePath.Contains("/subscriptions", StringComparison.OrdinalIgnoreCase));

    internal async Task<List<SubscriptionRow>> SubscriptionRowsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().Set<SubscriptionRow>().AsNoTracking().ToListAsync();
    }

    internal async Task<int> PendingSyncRequestsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SyncRequestStore>().CountAsync(CancellationToken.None);
    }

    /// <summary>Syncs once through the API (the user becomes active) and waits until both subscriptions are stored.</summary>
    internal async Task<List<SubscriptionRow>> ActivateAsync()
    {
        using var client = CreateClient();
        using var response = await client.PostAsync(new Uri("/api/threads/sync", UriKind.Relative), content: null);
        Assert.True(response.IsSuccessStatusCode, $"sync answered {(int)response.StatusCode}");
        await WaitUntilAsync(async () => (await SubscriptionRowsAsync()) is { Count: 2 } rows && rows.All(r => r.SubscriptionId is not null), "both subscriptions stored");
        return await SubscriptionRowsAsync();
    }

    /// <summary>Waits until no sync request is pending and no requested sync is running (the syncs it caused have finished).</summary>
    public async Task WaitForIdleSyncsAsync()
    {
        // A row goes only after its sync (listeners included) has returned.
        await WaitUntilAsync(async () => await PendingSyncRequestsAsync() == 0, "the sync requests are carried out");
    }

    /// <summary>Lets the fake clock run with real time (50 ms steps) until disposed: the sync spacing then passes as it would.</summary>
    public IDisposable RunClock()
    {
        var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(50);
                Clock.Advance(TimeSpan.FromMilliseconds(50));
            }
        });
        return stop;
    }

    /// <summary>Polls real time (the app's background work runs on real threads), failing after <paramref name="timeoutSeconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 20)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(timeoutSeconds), $"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, string what, int timeoutSeconds = 20) =>
        WaitUntilAsync(() => Task.FromResult(condition()), what, timeoutSeconds);
}
