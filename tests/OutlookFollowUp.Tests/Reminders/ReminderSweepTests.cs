using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Reminders;

[Trait("Needs", "Postgres")]
public sealed class ReminderSweepTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, OnSqlite, OnPostgres]
    public async Task A_reminder_past_its_time_with_no_reply_becomes_due_and_is_flagged_once_with_Outlooks_reminder(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var start = rig.Time.GetUtcNow();
        rig.Sent("s1", start.AddHours(-1));
        var id = await rig.RemindAsync("s1", start.AddHours(24));
        rig.Time.Advance(TimeSpan.FromHours(25));

        var first = await rig.Sweep().RunOnceAsync(Ct);
        var again = await rig.Sweep().RunOnceAsync(Ct);
        var row = await rig.RowAsync(id);

        Assert.Equal((1, 1, 0), (first.Due, first.Flagged, again.Claimed));
        Assert.Equal((ReminderStatus.Due, rig.Time.GetUtcNow()), (rig.Reminder(row).Status, row.DueAt));
        Assert.Equal(("flagged", FlagStates.Due), (rig.FlagStatus("s1"), row.FlagWritten));
        Assert.Null(row.SweepAt);
        Assert.Equal(1, rig.Patches);
    }

    [Theory, OnSqlite]
    public async Task A_reminder_before_its_time_is_not_claimed_and_Graph_is_not_asked(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        rig.Sent("s1", rig.Time.GetUtcNow());
        var id = await rig.RemindAsync("s1", rig.Time.GetUtcNow().AddHours(24));
        rig.Time.Advance(TimeSpan.FromHours(23));

        var counts = await rig.Sweep().RunOnceAsync(Ct);

        Assert.Equal(0, counts.Claimed);
        Assert.Equal(ReminderStatus.Scheduled, rig.Reminder(await rig.RowAsync(id)).Status);
        Assert.Empty(rig.Server.Requests);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_reply_filed_in_another_folder_resolves_the_reminder_by_its_sender_and_completes_the_flag(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var start = rig.Time.GetUtcNow();
        rig.Sent("s1", start.AddHours(-1));
        rig.Reply("r1", "s1", start.AddHours(2), folder: "archive");
        var id = await rig.RemindAsync("s1", start.AddHours(24));
        rig.Time.Advance(TimeSpan.FromHours(24));

        var counts = await rig.Sweep().RunOnceAsync(Ct);
        var reminder = rig.Reminder(await rig.RowAsync(id));

        Assert.Equal((0, 1), (counts.Due, counts.Resolved));
        Assert.Equal((ReminderStatus.Resolved, "reply", "ana@fabrikam.com"), (reminder.Status, reminder.ClosedBy, reminder.ResolvedBy?.Address));
        Assert.Equal(rig.Time.GetUtcNow(), reminder.ResolvedAt);
        Assert.Equal("complete", rig.FlagStatus("s1"));
    }

    [Theory, OnSqlite]
    public async Task Graph_down_leaves_the_reminder_scheduled_retried_with_back_off_and_flagged_once_when_Graph_is_back(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        rig.Sent("s1", rig.Time.GetUtcNow());
        var id = await rig.RemindAsync("s1", rig.Time.GetUtcNow().AddHours(1));
        rig.Time.Advance(TimeSpan.FromHours(1));
        var graphDown = true;
        rig.Server.Faults.Always(GraphMatch.Where(_ => graphDown), Fault.Unavailable());

        var down = await rig.Sweep().RunOnceAsync(Ct);
        var afterFailure = await rig.RowAsync(id);
        var requestsWhileDown = rig.Server.Requests.Count;
        rig.Time.Advance(rig.Options.DueSweepInterval - TimeSpan.FromSeconds(1));
        var tooEarly = await rig.Sweep().RunOnceAsync(Ct);
        var requestsTooEarly = rig.Server.Requests.Count - requestsWhileDown;
        graphDown = false;
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        var back = await rig.Sweep().RunOnceAsync(Ct);
        var again = await rig.Sweep().RunOnceAsync(Ct);

        Assert.Equal((1, 0), (down.Retried, down.Due));
        Assert.Equal((ReminderStatus.Scheduled, 1), (rig.Reminder(afterFailure).Status, afterFailure.SweepAttempts));
        Assert.Equal((0, 0), (tooEarly.Claimed, requestsTooEarly));
        Assert.Equal((1, 1, 0), (back.Due, back.Flagged, again.Claimed));
        Assert.Equal((1, "flagged"), (rig.Patches, rig.FlagStatus("s1")));
    }

    [Fact]
    public async Task A_mailbox_that_cannot_be_reached_waits_for_its_retry_while_the_others_are_swept()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        rig.Mailboxes = new Unreachable(rig.Mailboxes, "tenant:locked-out");
        rig.Sent("s1", rig.Time.GetUtcNow());
        rig.Sent("s2", rig.Time.GetUtcNow());
        var stuck = await rig.RemindAsync("s1", rig.Time.GetUtcNow().AddHours(1), user: "tenant:locked-out");
        var fine = await rig.RemindAsync("s2", rig.Time.GetUtcNow().AddHours(1));
        rig.Time.Advance(TimeSpan.FromHours(1));

        var counts = await rig.Sweep().RunOnceAsync(Ct);
        var stuckRow = await rig.RowAsync(stuck, "tenant:locked-out");

        Assert.Equal((1, 1, 1), (counts.Due, counts.Flagged, counts.Retried));
        Assert.Equal(ReminderStatus.Due, rig.Reminder(await rig.RowAsync(fine)).Status);
        Assert.Equal((ReminderStatus.Scheduled, 1, (DateTimeOffset?)rig.Time.GetUtcNow().Add(rig.Options.DueSweepInterval)),
            (rig.Reminder(stuckRow).Status, stuckRow.SweepAttempts, stuckRow.SweepAt));
    }

    [Theory]
    [InlineData(SweepPoint.Claimed, 1)]
    [InlineData(SweepPoint.Checked, 1)]
    // The sweep died after Graph took the PATCH but before saving that it did: the same PATCH (same values) is sent once more.
    [InlineData(SweepPoint.Flagged, 2)]
    public async Task A_crash_at_any_point_leaves_every_due_reminder_flagged_after_a_restart(SweepPoint point, int patchesPerReminder)
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            rig.Sent($"s{i}", rig.Time.GetUtcNow());
            ids.Add(await rig.RemindAsync($"s{i}", rig.Time.GetUtcNow().AddHours(1)));
        }

        rig.Time.Advance(TimeSpan.FromHours(1));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.Sweep(new CrashAt(point)).RunOnceAsync(Ct));
        var beforeLease = await rig.Sweep().RunOnceAsync(Ct); // another instance while the dead sweep's claim holds
        rig.Time.Advance(rig.Options.ClaimLease);
        await rig.Sweep().RunOnceAsync(Ct); // restarted
        rig.Time.Advance(TimeSpan.FromHours(2));
        var later = await rig.Sweep().RunOnceAsync(Ct);

        Assert.Equal(0, beforeLease.Claimed);
        Assert.Equal(0, later.Claimed);
        foreach (var id in ids)
        {
            var row = await rig.RowAsync(id);
            Assert.Equal((ReminderStatus.Due, FlagStates.Due), (rig.Reminder(row).Status, row.FlagWritten));
            Assert.True(row.ClaimId is null && row.SweepAt is null, "nothing left claimed or to do");
            Assert.Equal("flagged", rig.FlagStatus(row.MessageId!));
        }

        Assert.Equal(ids.Count * patchesPerReminder, rig.Patches);
    }

    [Fact]
    public async Task A_reminder_snoozed_while_a_sweep_holds_it_stays_scheduled_at_its_new_time()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        rig.Sent("s1", rig.Time.GetUtcNow());
        var id = await rig.RemindAsync("s1", rig.Time.GetUtcNow().AddHours(1));
        rig.Time.Advance(TimeSpan.FromHours(1));
        var later = rig.Time.GetUtcNow().AddDays(1);
        var snoozer = new SnoozeAt(SweepPoint.Claimed, async () =>
        {
            await using var context = rig.Db.CreateContext();
            await new ReminderStore(context, new OutlookFollowUp.MailIndex.ThreadIndex(context), rig.Time).SnoozeAsync(SweepRig.User, id, later, Ct);
        });

        await rig.Sweep(snoozer).RunOnceAsync(Ct);
        var row = await rig.RowAsync(id);

        Assert.Equal((ReminderStatus.Scheduled, later, (DateTimeOffset?)later), (rig.Reminder(row).Status, row.RemindAt, row.SweepAt));
        Assert.Equal(0, rig.Patches);
    }

    [Fact]
    public async Task A_reminder_marked_done_while_its_due_flag_was_on_its_way_ends_with_its_flag_complete()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        rig.Sent("s1", rig.Time.GetUtcNow());
        var id = await rig.RemindAsync("s1", rig.Time.GetUtcNow().AddHours(1));
        rig.Time.Advance(TimeSpan.FromHours(1));
        var graph = rig.Mailboxes;
        // The user's "done" and its Complete write land just before the sweep's due PATCH.
        rig.Mailboxes = new BeforeFirstFlagWrite(graph, async () =>
        {
            await using var context = rig.Db.CreateContext();
            await new ReminderStore(context, new OutlookFollowUp.MailIndex.ThreadIndex(context), rig.Time).MarkDoneAsync(SweepRig.User, id, Ct);
            await graph.Writer(SweepRig.User).SetFlagAsync("s1", OutlookFollowUp.Mail.OutlookFlag.Complete, Ct);
        });

        await rig.Sweep().RunOnceAsync(Ct);

        Assert.Equal(ReminderStatus.Done, rig.Reminder(await rig.RowAsync(id)).Status);
        Assert.Equal("complete", rig.FlagStatus("s1"));
    }

    [Fact]
    public async Task With_Outlook_flags_turned_off_a_due_reminder_is_due_without_any_PATCH()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        await using (var context = rig.Db.CreateContext())
        {
            var settings = new OutlookFollowUp.Settings.SettingsStore(context, rig.Time);
            await settings.SaveAsync(SweepRig.User, (await settings.GetAsync(SweepRig.User, Ct)) with { SetOutlookFlags = false }, Ct);
        }

        rig.Sent("s1", rig.Time.GetUtcNow());
        var id = await rig.RemindAsync("s1", rig.Time.GetUtcNow().AddHours(1));
        rig.Time.Advance(TimeSpan.FromHours(2));

        await rig.Sweep().RunOnceAsync(Ct);
        var row = await rig.RowAsync(id);

        Assert.Equal(ReminderStatus.Due, rig.Reminder(row).Status);
        Assert.True(row.FlagWanted is null && row.SweepAt is null, "no flag wanted, nothing left to do");
        Assert.Equal(0, rig.Patches);
    }

    [Theory, OnPostgres]
    public async Task Two_sweeps_running_at_once_on_PostgreSQL_flag_each_due_reminder_once(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider, new OutlookFollowUp.Mail.BackgroundOptions { DueBatchSize = 25 });
        for (var i = 0; i < 200; i++)
        {
            rig.Sent($"s{i}", rig.Time.GetUtcNow());
            await rig.RemindAsync($"s{i}", rig.Time.GetUtcNow().AddMinutes(5), user: $"tenant:user-{i % 7}");
        }

        rig.Time.Advance(TimeSpan.FromMinutes(5));

        var counts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => rig.Sweep().RunOnceAsync(Ct))));

        Assert.Equal(200, counts.Sum(c => c.Flagged));
        Assert.Equal(200, rig.Patches);
        Assert.Equal(200, rig.Server.PatchedPaths.Distinct().Count());
    }

    /// <summary>Runs <paramref name="before"/> once, right before the first batch of flag writes goes to Graph.</summary>
    private sealed class BeforeFirstFlagWrite(OutlookFollowUp.Mail.IMailboxes inner, Func<Task> before) : OutlookFollowUp.Mail.IMailboxes
    {
        private Func<Task>? _before = before;

        public OutlookFollowUp.Mail.IMailboxReader Reader(string userKey) => inner.Reader(userKey);

        public OutlookFollowUp.Mail.IMailboxWriter Writer(string userKey) => new Hooked(inner.Writer(userKey), this);

        public OutlookFollowUp.Mail.IMailboxSubscriptions Subscriptions(string userKey) => inner.Subscriptions(userKey);

        private sealed class Hooked(OutlookFollowUp.Mail.IMailboxWriter writer, BeforeFirstFlagWrite owner) : OutlookFollowUp.Mail.IMailboxWriter
        {
            public async Task<IReadOnlyList<OutlookFollowUp.Mail.MailPartResult>> SetFlagsAsync(
                IReadOnlyList<OutlookFollowUp.Mail.FlagChange> changes, CancellationToken cancellationToken)
            {
                if (Interlocked.Exchange(ref owner._before, null) is { } before)
                {
                    await before();
                }

                return await writer.SetFlagsAsync(changes, cancellationToken);
            }

            public Task SetFlagAsync(string messageId, OutlookFollowUp.Mail.OutlookFlag flag, CancellationToken cancellationToken) =>
                writer.SetFlagAsync(messageId, flag, cancellationToken);

            public Task<string> CreateReplyAllDraftAsync(string messageId, string comment, CancellationToken cancellationToken) =>
                writer.CreateReplyAllDraftAsync(messageId, comment, cancellationToken);
        }
    }

    /// <summary>One user's mailbox cannot be opened (its credentials are gone, say); the others can.</summary>
    private sealed class Unreachable(OutlookFollowUp.Mail.IMailboxes inner, string user) : OutlookFollowUp.Mail.IMailboxes
    {
        public OutlookFollowUp.Mail.IMailboxReader Reader(string userKey) =>
            userKey == user ? throw new InvalidOperationException("no session for this user") : inner.Reader(userKey);

        public OutlookFollowUp.Mail.IMailboxWriter Writer(string userKey) =>
            userKey == user ? throw new InvalidOperationException("no session for this user") : inner.Writer(userKey);

        public OutlookFollowUp.Mail.IMailboxSubscriptions Subscriptions(string userKey) =>
            userKey == user ? throw new InvalidOperationException("no session for this user") : inner.Subscriptions(userKey);
    }

    /// <summary>Runs a user's action at one point of the sweep (a request landing while the sweep holds the row).</summary>
    private sealed class SnoozeAt(SweepPoint point, Func<Task> action) : ISweepObserver
    {
        public async ValueTask AtAsync(SweepPoint at, CancellationToken cancellationToken)
        {
            if (at == point)
            {
                await action();
            }
        }
    }
}
