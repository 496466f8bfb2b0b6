using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;
using static OutlookFollowUp.Tests.Away.AwayRig;

namespace OutlookFollowUp.Tests.Away;

/// <summary>
/// Two instances of the app, each with a memory of its own, over one database: the MailTips answers one asked Graph
/// for are found by the other in the app's shared cache (the token_cache table), "not away" answers too.
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class AwaySharedCacheTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly DateTimeOffset DueTime = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task An_answer_one_instance_asked_for_is_found_by_another_sharing_the_database(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        rig.Mailbox.WorkingHours = RomeOfficeHours;
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.Zero));
        var sent = rig.Time.GetUtcNow().AddHours(-1);
        rig.SentTo("a1", sent, Ana);
        rig.SentTo("a2", sent, Ana);
        rig.SentTo("b1", sent, Ben);
        rig.SentTo("b2", sent, Ben);
        var (anaFirst, benFirst) = (await rig.RemindAsync("a1", DueTime), await rig.RemindAsync("b1", DueTime));
        var (anaLater, benLater) = (await rig.RemindAsync("a2", DueTime.AddMinutes(40)), await rig.RemindAsync("b2", DueTime.AddMinutes(40)));

        rig.Time.SetUtcNow(DueTime.AddMinutes(1));
        var first = await rig.AwaySweep(rig.InstanceCache()).RunOnceAsync(Ct);
        rig.Time.SetUtcNow(DueTime.AddMinutes(41));
        var second = await rig.AwaySweep(rig.InstanceCache()).RunOnceAsync(Ct);

        const string Held = "Ana is away until Thu 3 Dec; reminder moved to Fri 09:00";
        Assert.Equal((1, 1), (first.Due, second.Due)); // Ben's, not away
        Assert.Equal((Held, Held), (rig.Reminder(await rig.RowAsync(anaFirst)).Away?.Note, rig.Reminder(await rig.RowAsync(anaLater)).Away?.Note));
        Assert.Equal((ReminderStatus.Due, ReminderStatus.Due), (rig.Reminder(await rig.RowAsync(benFirst)).Status, rig.Reminder(await rig.RowAsync(benLater)).Status));
        Assert.Equal(1, rig.MailTipsCalls());
    }
}
