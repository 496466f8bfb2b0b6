using System.Net;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;
using static OutlookFollowUp.Tests.Away.AwayRig;

namespace OutlookFollowUp.Tests.Away;

/// <summary>Recipients who are away: the due sweep asks MailTips through the real Graph SDK and holds or notes.</summary>
[Trait("Needs", "Postgres")]
public sealed class AwaySweepTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    // The rig's clock starts on Mon 23 Nov 2026 09:00 UTC; reminders here come due on Tue 1 Dec 10:00 UTC.
    private static readonly DateTimeOffset DueTime = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static async Task<(SweepRig Rig, string Id)> DueReminderAsync(StorageProvider provider, params InMemoryAddress[] to)
    {
        var rig = await SweepRig.CreateAsync(provider);
        rig.Mailbox.WorkingHours = RomeOfficeHours;
        rig.SentTo("s1", rig.Time.GetUtcNow().AddHours(-1), to);
        var id = await rig.RemindAsync("s1", DueTime);
        rig.Time.SetUtcNow(DueTime.AddMinutes(1));
        return (rig, id);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Away_with_an_end_holds_the_reminder_until_the_first_working_hour_after_it(StorageProvider provider)
    {
        var (rig, id) = await DueReminderAsync(provider, Ana);
        await using var _ = rig;
        // Back on Friday: her reply ends at midnight, Rome time (23:00 UTC on Thursday).
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", DueTime.AddDays(-1), new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.Zero));

        var swept = await rig.AwaySweep().RunOnceAsync(Ct);
        var row = await rig.RowAsync(id);
        var reminder = rig.Reminder(row);

        var friday9Rome = new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal((0, ReminderStatus.Scheduled), (swept.Due, reminder.Status));
        Assert.Equal((friday9Rome, friday9Rome), (row.RemindAt, row.SweepAt));
        Assert.Equal("Ana is away until Thu 3 Dec; reminder moved to Fri 09:00", reminder.Away?.Note);
        Assert.Equal(["Ana"], reminder.Away!.Names);
        Assert.Equal(friday9Rome, reminder.Away.MovedTo);
        Assert.Equal(0, rig.Patches);
        Assert.Equal((1, 1), (rig.MailTipsCalls(), rig.SettingsCalls()));

        // On Friday at 09:00 she is back: the reminder comes due then, and says why it came late.
        rig.Time.SetUtcNow(friday9Rome);
        var later = await rig.AwaySweep().RunOnceAsync(Ct);
        var dueRow = await rig.RowAsync(id);
        Assert.Equal((1, ReminderStatus.Due), (later.Due, rig.Reminder(dueRow).Status));
        Assert.Equal("flagged", rig.FlagStatus("s1"));
    }

    [Fact]
    public async Task Away_until_a_Friday_moves_the_reminder_across_the_weekend_to_Monday()
    {
        var (rig, id) = await DueReminderAsync(StorageProvider.Sqlite, Ana);
        await using var _ = rig;
        // Her reply ends at 18:30 on Friday, Rome time: after working hours, so Monday at 09:00.
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, new DateTimeOffset(2026, 12, 4, 17, 30, 0, TimeSpan.Zero));

        await rig.AwaySweep().RunOnceAsync(Ct);
        var row = await rig.RowAsync(id);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero), row.RemindAt);
        Assert.Equal("Ana is away until Fri 4 Dec; reminder moved to Mon 09:00", rig.Reminder(row).Away?.Note);
    }

    [Fact]
    public async Task Away_until_the_middle_of_a_working_day_holds_the_reminder_until_then()
    {
        var (rig, id) = await DueReminderAsync(StorageProvider.Sqlite, Ana);
        await using var _ = rig;
        var thursday1130Rome = new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.Zero);
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, thursday1130Rome);

        await rig.AwaySweep().RunOnceAsync(Ct);
        var row = await rig.RowAsync(id);

        Assert.Equal(thursday1130Rome, row.RemindAt);
        Assert.Equal("Ana is away until Thu 3 Dec; reminder moved to Thu 11:30", rig.Reminder(row).Away?.Note);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_automatic_reply_with_no_end_keeps_the_time_and_says_it_is_on(StorageProvider provider)
    {
        var (rig, id) = await DueReminderAsync(provider, Ana);
        await using var _ = rig;
        rig.Mailbox.SetAutomaticReply(Ana.Address, "I am travelling");

        var swept = await rig.AwaySweep().RunOnceAsync(Ct);
        var row = await rig.RowAsync(id);
        var reminder = rig.Reminder(row);

        Assert.Equal((1, ReminderStatus.Due, DueTime), (swept.Due, reminder.Status, row.RemindAt));
        Assert.Equal("Ana's automatic reply is on", reminder.Away?.Note);
        Assert.Null(reminder.Away!.MovedTo);
        Assert.Equal((1, 0), (rig.MailTipsCalls(), rig.SettingsCalls()));
    }

    [Fact]
    public async Task Not_away_comes_due_as_before_with_nothing_to_say()
    {
        var (rig, id) = await DueReminderAsync(StorageProvider.Sqlite, Ana);
        await using var _ = rig;
        rig.Mailbox.SetAutomaticReply(Ben.Address, "Someone else is away", null, DueTime.AddDays(3));

        var swept = await rig.AwaySweep().RunOnceAsync(Ct);
        var reminder = rig.Reminder(await rig.RowAsync(id));

        Assert.Equal((1, 1, ReminderStatus.Due), (swept.Due, swept.Flagged, reminder.Status));
        Assert.Null(reminder.Away);
        Assert.Equal(1, rig.MailTipsCalls());
    }

    [Fact]
    public async Task A_scheduled_reply_that_already_ended_is_not_away()
    {
        var (rig, id) = await DueReminderAsync(StorageProvider.Sqlite, Ana);
        await using var _ = rig;
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", DueTime.AddDays(-5), DueTime.AddDays(-1));

        var swept = await rig.AwaySweep().RunOnceAsync(Ct);

        Assert.Equal(1, swept.Due);
        Assert.Null(rig.Reminder(await rig.RowAsync(id)).Away);
    }

    [Fact]
    public async Task One_of_two_counterparts_away_does_not_hold_the_reminder()
    {
        var (rig, id) = await DueReminderAsync(StorageProvider.Sqlite, Ana, Ben);
        await using var _ = rig;
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, DueTime.AddDays(3));

        var swept = await rig.AwaySweep().RunOnceAsync(Ct);
        var row = await rig.RowAsync(id);

        Assert.Equal((1, DueTime), (swept.Due, row.RemindAt));
        Assert.Null(rig.Reminder(row).Away);
    }

    [Fact]
    public async Task Both_counterparts_away_hold_the_reminder_until_the_later_return()
    {
        var (rig, id) = await DueReminderAsync(StorageProvider.Sqlite, Ana, Ben);
        await using var _ = rig;
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, new DateTimeOffset(2026, 12, 2, 23, 0, 0, TimeSpan.Zero));
        rig.Mailbox.SetAutomaticReply(Ben.Address, "Out of office", null, new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.Zero));

        await rig.AwaySweep().RunOnceAsync(Ct);
        var reminder = rig.Reminder(await rig.RowAsync(id));

        Assert.Equal("Ana and Ben are away until Thu 3 Dec; reminder moved to Fri 09:00", reminder.Away?.Note);
        Assert.Equal(1, rig.MailTipsCalls()); // both addresses in one call
    }

    [Fact]
    public async Task More_than_100_counterparts_are_asked_in_two_calls_and_both_answers_count()
    {
        var everyone = Enumerable.Range(0, 150).Select(i => new InMemoryAddress($"person{i}@fabrikam.com", $"Person {i}")).ToArray();
        var (rig, id) = await DueReminderAsync(StorageProvider.Sqlite, everyone);
        await using var _ = rig;
        var back = new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.Zero);
        foreach (var person in everyone)
        {
            rig.Mailbox.SetAutomaticReply(person.Address, "Out of office", null, back);
        }

        await rig.AwaySweep().RunOnceAsync(Ct);
        var row = await rig.RowAsync(id);

        // Held only if the answers of both calls said "away" for all 150: one address missing would let it come due.
        Assert.Equal(2, rig.MailTipsCalls());
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero), row.RemindAt);
        Assert.Equal(150, rig.Reminder(row).Away?.Names.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task MailTips_failing_never_blocks_the_reminder_it_comes_due_at_its_time(HttpStatusCode status)
    {
        var (rig, id) = await DueReminderAsync(StorageProvider.Sqlite, Ana);
        await using var _ = rig;
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, DueTime.AddDays(3));
        rig.Server.Faults.Next(GraphMatch.Url("getMailTips"), Fault.Status(status, 1), times: 10);

        var swept = await rig.AwaySweep().RunOnceAsync(Ct);
        var row = await rig.RowAsync(id);

        Assert.Equal((1, 1, 0), (swept.Due, swept.Flagged, swept.Retried));
        Assert.Equal((ReminderStatus.Due, DueTime), (rig.Reminder(row).Status, row.RemindAt));
        Assert.Null(rig.Reminder(row).Away);
        Assert.Equal("flagged", rig.FlagStatus("s1"));
        Assert.True(rig.MailTipsCalls() >= 1);
    }

    [Fact]
    public async Task A_second_sweep_within_the_hour_asks_MailTips_nothing_and_one_after_the_hour_asks_again()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        rig.SentTo("s1", rig.Time.GetUtcNow(), Ana);
        rig.SentTo("s2", rig.Time.GetUtcNow(), Ana);
        rig.SentTo("s3", rig.Time.GetUtcNow(), Ana);
        await rig.RemindAsync("s1", DueTime);
        await rig.RemindAsync("s2", DueTime.AddMinutes(40));
        await rig.RemindAsync("s3", DueTime.AddMinutes(90));

        rig.Time.SetUtcNow(DueTime);
        var first = await rig.AwaySweep().RunOnceAsync(Ct);
        var afterFirst = rig.MailTipsCalls();
        rig.Time.SetUtcNow(DueTime.AddMinutes(40));
        var second = await rig.AwaySweep().RunOnceAsync(Ct);
        var afterSecond = rig.MailTipsCalls();
        rig.Time.SetUtcNow(DueTime.AddMinutes(90));
        var third = await rig.AwaySweep().RunOnceAsync(Ct);

        Assert.Equal((1, 1, 1), (first.Due, second.Due, third.Due));
        Assert.Equal((1, 1, 2), (afterFirst, afterSecond, rig.MailTipsCalls()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Working_hours_are_read_once_a_day_for_the_holds_of_every_instance(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        rig.Mailbox.WorkingHours = RomeOfficeHours;
        rig.SentTo("s1", rig.Time.GetUtcNow().AddHours(-1), Ana);
        rig.SentTo("s2", rig.Time.GetUtcNow().AddHours(-1), Ben);
        rig.SentTo("s3", rig.Time.GetUtcNow().AddHours(-1), Ana, Ben);
        var first = await rig.RemindAsync("s1", DueTime);
        var second = await rig.RemindAsync("s2", DueTime.AddHours(2));
        var nextDay = await rig.RemindAsync("s3", DueTime.AddDays(1));
        var back = new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.Zero); // back on Friday, Rome time
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, back);
        rig.Mailbox.SetAutomaticReply(Ben.Address, "Out of office", null, back);
        var before = rig.SettingsCalls();

        // One instance holds the first, another (its own memory) the second two hours later, a third the next day's.
        rig.Time.SetUtcNow(DueTime.AddMinutes(1));
        await rig.AwaySweep().RunOnceAsync(Ct);
        rig.Time.SetUtcNow(DueTime.AddHours(2).AddMinutes(1));
        await rig.AwaySweep(rig.InstanceCache()).RunOnceAsync(Ct);
        var sameDay = rig.SettingsCalls() - before;
        rig.Time.SetUtcNow(DueTime.AddDays(1).AddMinutes(1));
        await rig.AwaySweep(rig.InstanceCache()).RunOnceAsync(Ct);

        var friday9Rome = new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);
        foreach (var id in new[] { first, second, nextDay })
        {
            var row = await rig.RowAsync(id);
            Assert.Equal((id, friday9Rome, ReminderStatus.Scheduled), (id, row.RemindAt, rig.Reminder(row).Status));
        }

        Assert.Equal((1, 2), (sameDay, rig.SettingsCalls() - before));
    }

    [Theory]
    [InlineData("it", "Ana e Ben sono assenti fino a gio 3 dic; promemoria spostato a ven 09:00")]
    [InlineData("de", "Ana und Ben sind bis Do, 3. Dez. abwesend; Erinnerung verschoben auf Fr, 09:00")]
    [InlineData("en", "Ana and Ben are away until Thu 3 Dec; reminder moved to Fri 09:00")]
    public async Task The_note_is_in_the_users_language(string language, string note)
    {
        var (rig, id) = await DueReminderAsync(StorageProvider.Sqlite, Ana, Ben);
        await using var _ = rig;
        await using (var context = rig.Db.CreateContext())
        {
            context.Set<OutlookFollowUp.Settings.UserLanguageRow>().Add(new() { UserKey = SweepRig.User, Language = language });
            await context.SaveChangesAsync();
        }

        var back = new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.Zero); // back on Friday, Rome time
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, back);
        rig.Mailbox.SetAutomaticReply(Ben.Address, "Out of office", null, back.AddHours(-2));

        await rig.AwaySweep().RunOnceAsync(Ct);

        Assert.Equal(note, rig.Reminder(await rig.RowAsync(id)).Away?.Note);
    }
}
