using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;
using static OutlookFollowUp.Tests.Reminders.ComposeTrackingTests;

namespace OutlookFollowUp.Tests.Reminders;

/// <summary>Two-way flags: what the sync reads back from Outlook closes a reminder only when the user changed the product's own flag.</summary>
public sealed class FlagReadBackTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(OutlookFlagStatus.Complete, FlagStates.Complete)]
    [InlineData(OutlookFlagStatus.NotFlagged, FlagStates.Cleared)]
    public async Task A_flag_completed_or_cleared_in_Outlook_after_the_product_flagged_it_closes_the_reminder_as_done_in_Outlook(OutlookFlagStatus read, string stored)
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var id = await FlaggedReminderAsync(rig, "s1", writtenAgo: TimeSpan.FromMinutes(10));

        await ReadBack(rig).OnSyncedAsync(Synced([], new MessageMarks("s1", read, null)), Ct);
        var row = await rig.RowAsync(id);
        var reminder = rig.Reminder(row);

        Assert.Equal((ReminderStatus.Done, "outlook", rig.Time.GetUtcNow(), stored), (reminder.Status, reminder.ClosedBy, reminder.DoneAt, row.FlagWritten));
    }

    [Fact]
    public async Task A_flag_still_flagged_leaves_the_reminder_open()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var id = await FlaggedReminderAsync(rig, "s1", writtenAgo: TimeSpan.FromMinutes(10));

        await ReadBack(rig).OnSyncedAsync(Synced([], new MessageMarks("s1", OutlookFlagStatus.Flagged, null)), Ct);

        Assert.Equal(ReminderStatus.Scheduled, rig.Reminder(await rig.RowAsync(id)).Status);
    }

    [Fact]
    public async Task A_message_the_product_never_flagged_closes_nothing()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var id = await rig.RemindAsync("s1", rig.Time.GetUtcNow().AddHours(5));

        await ReadBack(rig).OnSyncedAsync(Synced([], new MessageMarks("s1", OutlookFlagStatus.NotFlagged, null)), Ct);

        Assert.Equal(ReminderStatus.Scheduled, rig.Reminder(await rig.RowAsync(id)).Status);
    }

    [Fact]
    public async Task A_mark_read_while_our_own_write_was_landing_is_not_taken_for_the_users()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var id = await FlaggedReminderAsync(rig, "s1", writtenAgo: TimeSpan.FromSeconds(20));

        await ReadBack(rig).OnSyncedAsync(Synced([], new MessageMarks("s1", OutlookFlagStatus.NotFlagged, null)), Ct);

        Assert.Equal(ReminderStatus.Scheduled, rig.Reminder(await rig.RowAsync(id)).Status);
    }

    [Fact]
    public async Task A_mark_for_a_message_whose_write_is_still_queued_is_not_taken_for_the_users()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var id = await FlaggedReminderAsync(rig, "s1", writtenAgo: TimeSpan.FromMinutes(10));
        var queue = new ReminderFlagQueue(NullLogger<ReminderFlagQueue>.Instance);
        queue.Enqueue(new FlagWrite(SweepRig.User, "s1", OutlookFlag.Flagged(rig.Time.GetUtcNow(), rig.Time.GetUtcNow().AddDays(1)), rig.Mailboxes.Writer(SweepRig.User)));

        await ReadBack(rig, queue).OnSyncedAsync(Synced([], new MessageMarks("s1", OutlookFlagStatus.Complete, null)), Ct);

        Assert.Equal(ReminderStatus.Scheduled, rig.Reminder(await rig.RowAsync(id)).Status);
    }

    private static FlagReadBack ReadBack(SweepRig rig, ReminderFlagQueue? queue = null) =>
        new(rig.Db.CreateContext(), queue ?? new ReminderFlagQueue(NullLogger<ReminderFlagQueue>.Instance), rig.Time, NullLogger<FlagReadBack>.Instance);

    /// <summary>A scheduled reminder whose flag the product wrote <paramref name="writtenAgo"/>.</summary>
    private static async Task<string> FlaggedReminderAsync(SweepRig rig, string messageId, TimeSpan writtenAgo)
    {
        var id = await rig.RemindAsync(messageId, rig.Time.GetUtcNow().AddDays(1));
        var writtenAt = rig.Time.GetUtcNow();
        rig.Time.Advance(writtenAgo);
        await using var context = rig.Db.CreateContext();
        await context.Set<ReminderRow>().Where(r => r.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.FlagWritten, FlagStates.Flagged).SetProperty(r => r.FlagWrittenAt, writtenAt), Ct);
        return id;
    }
}
