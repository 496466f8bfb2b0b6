using OutlookFollowUp.Mail;
using OutlookFollowUp.Notifications;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Notifications;

/// <summary>The coalescing row of requested syncs, on both providers.</summary>
[Trait("Needs", "Postgres")]
public sealed class SyncRequestStoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, OnSqlite, OnPostgres]
    public async Task A_poller_asking_while_the_mailbox_syncs_adds_no_second_sync_but_a_notification_does(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new SyncRequestStore(database.CreateContext());
        var now = database.Time.GetUtcNow();

        await store.RequestAsync("tenant:user-1", SyncRequestReason.Periodic, now, Ct);
        var running = Assert.Single(await store.ClaimAsync("a", 10, now, TimeSpan.FromMinutes(5), new HashSet<string>(), Ct));
        // Another instance's poller read the mailbox as stale just before this sync began: the running sync reads it all.
        await store.RequestAsync("tenant:user-1", SyncRequestReason.Reconcile, now, Ct);
        var again = await store.CompleteAsync(running, "a", now, Ct);

        await store.RequestAsync("tenant:user-2", SyncRequestReason.Periodic, now, Ct);
        var syncing = Assert.Single(await store.ClaimAsync("a", 10, now, TimeSpan.FromMinutes(5), new HashSet<string>(), Ct));
        // A change notified during the sync may have come after its delta round: another sync follows.
        await store.RequestAsync("tenant:user-2", SyncRequestReason.Notification, now, Ct);
        var followed = await store.CompleteAsync(syncing, "a", now, Ct);

        Assert.Equal((false, true), (again, followed));
        Assert.Equal(1, await store.CountAsync(Ct));
    }
}
