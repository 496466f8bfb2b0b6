using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Privacy;

/// <summary>
/// <c>DELETE /api/me</c> wins over a sync of the same user in flight: nothing of that sync is written after the erase
/// (no mailbox state or delta link over an empty index, no subscription made again), and the next read syncs from
/// scratch as for a new user. On SQLite and PostgreSQL, through the real app and the in-memory Graph.
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class EraseDuringSyncTests
{
    private const string User = NotificationHost.SampleUser;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public Task Erasing_while_a_sync_is_in_flight_keeps_nothing_of_it_and_the_next_read_brings_every_thread_back(StorageProvider provider) =>
        WithHostAsync(provider, async host =>
        {
            await host.ActivateAsync();
            var before = await ThreadKeysAsync(host);
            var (sync, release) = await SyncHeldAtGraphAsync(host);
            var subscribed = host.SubscriptionRequests(HttpMethod.Post);

            using var client = host.CreateClient();
            using var erased = await client.DeleteAsync(new Uri("/api/me", UriKind.Relative));
            release.SetResult();
            await sync.WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
            Assert.Equal((null, 0), await IndexAsync(host));
            Assert.Empty(await host.SubscriptionRowsAsync());
            Assert.Equal(subscribed, host.SubscriptionRequests(HttpMethod.Post));

            Assert.Equal(before, await ThreadKeysAsync(host));
            await NotificationHost.WaitUntilAsync(async () => (await host.SubscriptionRowsAsync()).Count(r => r.SubscriptionId is not null) == 2, "subscribed again");
        });

    [Theory, OnSqlite, OnPostgres]
    public Task An_erase_by_another_instance_during_a_sync_is_not_undone_when_that_sync_writes(StorageProvider provider) =>
        WithHostAsync(provider, async host =>
        {
            await host.ActivateAsync();
            var before = await ThreadKeysAsync(host);
            var (sync, release) = await SyncHeldAtGraphAsync(host);

            // What DELETE /api/me on another instance does to the index; this instance never hears of it.
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IThreadIndex>().DeleteUserAsync(User, CancellationToken.None);
            }

            release.SetResult();
            var synced = await sync.WaitAsync(TimeSpan.FromSeconds(20));

            Assert.False(synced);
            Assert.Equal((null, 0), await IndexAsync(host));
            Assert.Equal(before, await ThreadKeysAsync(host));
        });

    [Theory, OnSqlite, OnPostgres]
    public Task Erasing_while_graph_holds_the_mailbox_with_retry_after_lets_the_next_read_sync_at_once_as_for_a_new_user(StorageProvider provider) =>
        WithHostAsync(provider, async host =>
        {
            await host.ActivateAsync();
            var before = await ThreadKeysAsync(host);
            host.GraphServer.Faults.Next(GraphMatch.Where(r => r.RequestUri!.Query.Contains("deltatoken", StringComparison.Ordinal)), Fault.Throttle(3600));
            var refresher = host.Services.GetRequiredService<MailboxRefresher>();
            Assert.False(await refresher.RefreshAsync(User));
            Assert.NotNull(refresher.RetryAfter(User));

            using var client = host.CreateClient();
            using var erased = await client.DeleteAsync(new Uri("/api/me", UriKind.Relative));

            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
            Assert.Equal(before, await ThreadKeysAsync(host));
        });

    [Theory, OnSqlite, OnPostgres]
    public Task A_subscription_being_made_as_the_user_is_erased_is_deleted_at_graph_again(StorageProvider provider) =>
        WithHostAsync(provider, async host =>
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            host.GraphServer.Faults.Always(GraphMatch.Where(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/subscriptions", StringComparison.Ordinal)), Fault.Hold(ct => release.Task.WaitAsync(ct)));
            using var client = host.CreateClient();
            using (var synced = await client.PostAsync(new Uri("/api/threads/sync", UriKind.Relative), content: null))
            {
                Assert.Equal(HttpStatusCode.OK, synced.StatusCode);
            }

            await NotificationHost.WaitUntilAsync(() => host.SubscriptionRequests(HttpMethod.Post) > 0, "a subscription is being made");
            using var erased = await client.DeleteAsync(new Uri("/api/me", UriKind.Relative));
            release.SetResult();

            // Both rows were claimed before the erase: each subscription is made, found without its row, and deleted.
            await NotificationHost.WaitUntilAsync(
                () => host.SubscriptionRequests(HttpMethod.Delete) == 2 && host.GraphServer.Subscriptions.Count == 0, "both are deleted again");
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
            Assert.Equal(2, host.SubscriptionRequests(HttpMethod.Post));
            Assert.Empty(await host.SubscriptionRowsAsync());
        });

    /// <summary>A sync whose incremental delta request Graph holds until <c>release</c> (or the sync is cancelled).</summary>
    private static async Task<(Task<bool> Sync, TaskCompletionSource Release)> SyncHeldAtGraphAsync(NotificationHost host)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.GraphServer.Faults.Always(GraphMatch.Where(IsIncrementalDelta), Fault.Hold(ct => release.Task.WaitAsync(ct)));
        var sync = host.Services.GetRequiredService<MailboxRefresher>().RefreshAsync(User);
        await NotificationHost.WaitUntilAsync(() => host.GraphServer.Requests.Any(r => IsIncrementalDelta(r.Uri)), "the sync is at Graph");
        return (sync, release);
    }

    private static bool IsIncrementalDelta(HttpRequestMessage request) => IsIncrementalDelta(request.RequestUri!);

    private static bool IsIncrementalDelta(Uri uri) => uri.Query.Contains("deltatoken", StringComparison.Ordinal);

    /// <summary>The user's mailbox state (null when none) and how many messages the index holds for them.</summary>
    private static async Task<(MailboxSnapshot? State, int Messages)> IndexAsync(NotificationHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<IThreadIndex>();
        return (await index.GetStateAsync(User, CancellationToken.None), (await index.GetMessagesAsync(User, CancellationToken.None)).Count);
    }

    /// <summary>GET /api/threads (a cold sync first when nothing is indexed): the thread keys, in order.</summary>
    private static async Task<List<string>> ThreadKeysAsync(NotificationHost host)
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/threads", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var keys = JsonDocument.Parse(body).RootElement.GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("threadKey").GetString()!).ToList();
        Assert.NotEmpty(keys);
        return keys;
    }

    /// <summary>The app in local mode with notifications on, over SQLite (its own folder) or a fresh PostgreSQL schema.</summary>
    private static async Task WithHostAsync(StorageProvider provider, Func<NotificationHost, Task> test)
    {
        await using var database = provider == StorageProvider.Postgres ? await TestDatabase.CreateAsync(provider) : null;
        var settings = database is null ? null
            : new Dictionary<string, string> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:FollowUps"] = database.ConnectionString };
        try
        {
            using var host = new NotificationHost(SampleMailbox.Create(Now), Now, settings: settings);
            await test(host);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
        }
    }
}
