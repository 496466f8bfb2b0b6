using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Reminders;

/// <summary>The due sweep works on several mailboxes at once, each within Graph's limits, none waiting on another.</summary>
[Trait("Needs", "Postgres")]
public sealed class ParallelSweepTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, OnSqlite, OnPostgres]
    public async Task Mailboxes_are_swept_side_by_side_at_most_MailboxConcurrency_at_once(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider, new BackgroundOptions { MailboxConcurrency = 6, DueBatchSize = 10 });
        await SeedAsync(rig, mailboxes: 24, perMailbox: 2);
        rig.Server.Latency = TimeSpan.FromMilliseconds(60);

        var counts = await rig.Sweep().RunOnceAsync(Ct);

        Assert.Equal((48, 48), (counts.Due, counts.Flagged));
        // One request at a time per mailbox (its check, then its flags), so requests in flight are mailboxes at work.
        Assert.InRange(rig.Server.MaxInFlight, 3, 6);
    }

    [Theory, OnSqlite]
    public async Task A_mailbox_throttled_by_Graph_waits_its_Retry_After_without_holding_up_the_others(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider, new BackgroundOptions { MailboxConcurrency = 4 }, graphOnRigClock: true);
        await SeedAsync(rig, mailboxes: 8, perMailbox: 2);
        var throttled = rig.Graph.GetRequiredService<GraphRequestCounters>().For("tenant:user-0");
        rig.Server.Faults.Next(GraphMatch.Where(r => GraphHttp.MailboxOf(r) == "tenant:user-0"), Fault.Throttle(600));

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
    public async Task A_mailbox_another_instance_is_working_on_is_left_to_it_and_swept_once_it_is_free()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Postgres);
        await SeedAsync(rig, mailboxes: 3, perMailbox: 4);
        await using var first = MailboxLeaseTests.Leases(rig.Db);
        await using var other = MailboxLeaseTests.Leases(rig.Db);
        var busy = await other.TryAcquireAsync("tenant:user-1", Ct); // the other instance is syncing it, say
        var requests = rig.Graph.GetRequiredService<GraphRequestCounters>().For("tenant:user-1");

        var meanwhile = await rig.Sweep(leases: first).RunOnceAsync(Ct);
        var sentMeanwhile = requests.Total;
        await busy!.DisposeAsync();
        rig.Time.Advance(ReminderSweep.Busy);
        var after = await rig.Sweep(leases: first).RunOnceAsync(Ct);

        Assert.Equal((12, 8), (meanwhile.Claimed, meanwhile.Flagged));
        Assert.Equal(0, sentMeanwhile);
        Assert.Equal((4, 4), (after.Claimed, after.Flagged));
        Assert.Equal(12, rig.Patches);
        Assert.Equal(0, await first.HeldAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_claim_takes_whole_mailboxes_so_two_instances_never_share_one(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider, new BackgroundOptions { DueBatchSize = 5 });
        var start = rig.Time.GetUtcNow();
        for (var r = 0; r < 6; r++)
        {
            for (var m = 0; m < 4; m++)
            {
                // Mailbox m's reminders come due at minute m + 1, so the earliest five rows are five of mailbox 0's six.
                rig.Sent($"s{m}-{r}", start);
                await rig.RemindAsync($"s{m}-{r}", start.AddMinutes(m + 1).AddSeconds(r), user: $"tenant:user-{m}");
            }
        }

        rig.Time.Advance(TimeSpan.FromMinutes(10));
        await using var context = rig.Db.CreateContext();
        var now = rig.Time.GetUtcNow();

        var first = await ReminderClaims.ClaimAsync(context, "a", now, now.AddMinutes(5), 5, Ct);
        var second = await ReminderClaims.ClaimAsync(context, "b", now, now.AddMinutes(5), 5, Ct);
        var rows = await RowsAsync(rig, null);

        Assert.Equal((6, 6), (first, second)); // five rows asked for, six taken: the rest of the first row's mailbox
        Assert.All(rows.Where(r => r.ClaimId is not null).GroupBy(r => r.UserKey), mailbox => Assert.Single(mailbox.Select(r => r.ClaimId).Distinct()));
    }

    [PostgresFact]
    public async Task Claims_made_at_once_by_many_instances_never_wait_on_each_other_and_take_each_row_once()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Postgres);
        await SeedAsync(rig, mailboxes: 30, perMailbox: 5); // one due time for all: a batch of 3 rows cuts through mailboxes
        var now = rig.Time.GetUtcNow();
        var claimed = 0;

        for (var round = 0; round < 100 && claimed < 150; round++)
        {
            var counts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                await using var context = rig.Db.CreateContext();
                return await ReminderClaims.ClaimAsync(context, $"claim-{round}-{i}", now, now.AddMinutes(5), 3, Ct);
            })));
            claimed += counts.Sum();
        }

        var rows = await RowsAsync(rig, null);
        Assert.Equal(150, claimed);
        Assert.All(rows, r => Assert.NotNull(r.ClaimId));
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

    private static async Task<List<ReminderRow>> RowsAsync(SweepRig rig, string? user)
    {
        await using var context = rig.Db.CreateContext();
        return [.. Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(context.Set<ReminderRow>()).Where(r => user == null || r.UserKey == user)];
    }
}
