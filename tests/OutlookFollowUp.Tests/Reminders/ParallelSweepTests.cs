using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.Background;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Tests.Graph;
using OutlookFollowUp.Tests.Index;
using OutlookFollowUp.Tests.Storage;

namespace OutlookFollowUp.Tests.Reminders;

/// <summary>The due sweep works on several mailboxes at once, each within Graph's limits, none waiting on another.</summary>
public sealed class ParallelSweepTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, OnSqlite, OnPostgres]
    public async Task Mailboxes_are_swept_side_by_side_at_most_MailboxConcurrency_at_once(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider, new BackgroundOptions { MailboxConcurrency = 6, DueBatchSize = 10 });
        await SeedAsync(rig, mailboxes: 24, perMailbox: 2);
        rig.Fake.Graph.Latency = TimeSpan.FromMilliseconds(60);

        var counts = await rig.Sweep().RunOnceAsync(Ct);

        Assert.Equal((48, 48), (counts.Due, counts.Flagged));
        // One request at a time per mailbox (its check, then its flags), so requests in flight are mailboxes at work.
        Assert.InRange(rig.Fake.MaxInFlight, 3, 6);
    }

    [Theory, OnSqlite]
    public async Task A_mailbox_throttled_by_Graph_waits_its_Retry_After_without_holding_up_the_others(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider, new BackgroundOptions { MailboxConcurrency = 4 }, graphOnRigClock: true);
        await SeedAsync(rig, mailboxes: 8, perMailbox: 2);
        var throttled = rig.Graph.GetRequiredService<GraphRequestCounters>().For("tenant:user-0");
        rig.Fake.Fail(r => GraphHttp.MailboxOf(r) == "tenant:user-0", HttpStatusCode.TooManyRequests, retryAfterSeconds: 600);

        var first = await rig.Sweep().RunOnceAsync(Ct);
        var sent = new List<int>();
        var flagged = 0;
        for (var minute = 1; minute <= 16 && flagged == 0; minute++)
        {
            // The worker's rounds, a minute apart: the throttled mailbox's reminders come back with the usual back-off.
            rig.Time.Advance(TimeSpan.FromMinutes(1));
            flagged = (await rig.Sweep().RunOnceAsync(Ct)).Flagged;
            sent.Add(throttled.Total);
        }

        Assert.Equal((14, 14, 2), (first.Due, first.Flagged, first.Retried));
        Assert.All(sent.Take(9), n => Assert.Equal(1, n)); // nothing reached Graph for it before its Retry-After
        Assert.Equal(2, flagged);
        Assert.Equal(16, rig.Patches);
    }

    [PostgresFact]
    public async Task Two_instances_sweeping_one_mailbox_take_turns_under_its_lease_and_flag_each_reminder_once()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Postgres, new BackgroundOptions { DueBatchSize = 5 });
        await SeedAsync(rig, mailboxes: 1, perMailbox: 40);
        rig.Fake.Graph.Latency = TimeSpan.FromMilliseconds(60);
        // Each instance has its own Graph pipeline, so its own gate: only the lease keeps them from the mailbox at once.
        await using var otherGraph = FakeGraphRig.Services(new GraphOptions { AccessToken = "test-token", MaxRetries = 0 }, rig.Fake).BuildServiceProvider();
        var otherMailboxes = new OutlookFollowUp.Local.LocalMailboxes(otherGraph.GetRequiredService<GraphClientFactory>());
        await using var first = MailboxLeaseTests.Leases(rig.Db);
        await using var second = MailboxLeaseTests.Leases(rig.Db);

        var counts = (await Task.WhenAll(
            Task.Run(() => rig.Sweep(leases: first).RunOnceAsync(Ct)),
            Task.Run(() => rig.Sweep(leases: second, mailboxes: otherMailboxes).RunOnceAsync(Ct)))).ToList();
        for (var round = 0; round < 20 && counts.Sum(c => c.Flagged) < 40; round++)
        {
            // Reminders of the mailbox while the other instance held it came back a few seconds later.
            rig.Time.Advance(ReminderSweep.Busy);
            counts.Add(await rig.Sweep(leases: first).RunOnceAsync(Ct));
        }

        Assert.Equal(40, counts.Sum(c => c.Flagged));
        Assert.Equal(40, rig.Patches);
        Assert.Equal(40, rig.Fake.PatchedPaths.Distinct().Count());
        Assert.Equal(1, rig.Fake.MaxInFlight); // a batch of five parts takes all four of an instance's slots
    }

    private static async Task SeedAsync(SweepRig rig, int mailboxes, int perMailbox)
    {
        var now = rig.Time.GetUtcNow();
        for (var m = 0; m < mailboxes; m++)
        {
            await rig.Db.CreateIndex().SetMailboxAsync($"tenant:user-{m}", [SweepRig.Me], "UTC", Ct);
            for (var r = 0; r < perMailbox; r++)
            {
                rig.Sent($"s{m}-{r}", now.AddHours(-1));
                await rig.RemindAsync($"s{m}-{r}", now.AddMinutes(5), user: $"tenant:user-{m}");
            }
        }

        rig.Time.Advance(TimeSpan.FromMinutes(5));
    }

    private static async Task<List<ReminderRow>> RowsAsync(SweepRig rig, string user)
    {
        await using var context = rig.Db.CreateContext();
        return [.. Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(context.Set<ReminderRow>()).Where(r => r.UserKey == user)];
    }
}
