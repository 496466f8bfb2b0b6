using Microsoft.Extensions.Logging.Abstractions;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Reminders;

[Trait("Needs", "Postgres")]
public sealed class ComposeTrackingTests
{
    private const string User = SweepRig.User;
    private const string Me = SweepRig.Me;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("24", 24)]
    [InlineData(" 48 ", 48)]
    [InlineData("2026-11-25T17:00:00Z", 56)]
    [InlineData("2026-11-25T18:00:00+01:00", 56)]
    [InlineData("2026-11-25", 39)]
    public void RemindAt_reads_hours_after_sending_or_an_ISO_date(string mark, int hoursAfterSending)
    {
        var sent = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(sent.AddHours(hoursAfterSending), ComposeTracking.RemindAt(mark, sent));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("0")]
    [InlineData("-24")]
    [InlineData("2161")]
    [InlineData("24.5")]
    [InlineData("2026-11-22")]
    [InlineData("2027-06-01")]
    [InlineData("11/25/2026")]
    [InlineData("{\"followupRemind\":\"24\"}")]
    public void RemindAt_refuses_what_is_neither(string mark) =>
        Assert.Null(ComposeTracking.RemindAt(mark, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));

    [Theory, OnSqlite, OnPostgres]
    public async Task A_marked_sent_message_makes_one_scheduled_reminder_however_many_syncs_see_it(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var sent = rig.Time.GetUtcNow().AddMinutes(-5);
        var synced = Synced([Mail("s1", Me, sent)], new MessageMarks("s1", OutlookFlagStatus.NotFlagged, "24"));

        await Tracking(rig).OnSyncedAsync(synced, Ct);
        await Tracking(rig).OnSyncedAsync(synced, Ct);
        var reminders = await ListAsync(rig);

        var reminder = Assert.Single(reminders);
        Assert.Equal((ReminderStatus.Scheduled, sent.AddHours(24), "compose", "s1", "conv-s1"),
            (reminder.Status, reminder.RemindAt, reminder.Source, reminder.MessageId, reminder.ThreadKey));
    }

    [Theory, OnPostgres]
    public async Task Two_instances_seeing_the_mark_at_once_make_one_reminder(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var synced = Synced([Mail("s1", Me, rig.Time.GetUtcNow())], new MessageMarks("s1", OutlookFlagStatus.NotFlagged, "48"));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Tracking(rig).OnSyncedAsync(synced, Ct))));

        Assert.Single(await ListAsync(rig));
    }

    [Fact]
    public async Task Unreadable_marks_and_marks_on_received_mail_make_nothing_and_never_fail_the_sync()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var now = rig.Time.GetUtcNow();
        var synced = Synced(
            [Mail("s1", Me, now), Mail("s2", Me, now), Mail("in1", "ana@fabrikam.com", now)],
            new MessageMarks("s1", OutlookFlagStatus.NotFlagged, "soon"),
            new MessageMarks("s2", OutlookFlagStatus.NotFlagged, "1999-01-01"),
            new MessageMarks("in1", OutlookFlagStatus.NotFlagged, "24"),
            new MessageMarks("not-indexed", OutlookFlagStatus.NotFlagged, "24"));

        await Tracking(rig).OnSyncedAsync(synced, Ct);

        Assert.Empty(await ListAsync(rig));
    }

    [Fact]
    public async Task A_mark_on_an_already_answered_thread_makes_the_reminder_and_the_same_sync_resolves_it()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var now = rig.Time.GetUtcNow();
        var synced = Synced(
            [Mail("s1", Me, now.AddHours(-3)), Mail("r1", "ana@fabrikam.com", now.AddHours(-1), conversation: "conv-s1")],
            new MessageMarks("s1", OutlookFlagStatus.NotFlagged, "24"));

        await using var context = rig.Db.CreateContext();
        foreach (var listener in new IMailboxSyncListener[] { Tracking(rig, context), Resolver(rig, context) })
        {
            await listener.OnSyncedAsync(synced, Ct);
        }

        var reminder = Assert.Single(await ListAsync(rig));
        Assert.Equal((ReminderStatus.Resolved, "reply", "ana@fabrikam.com"), (reminder.Status, reminder.ClosedBy, reminder.ResolvedBy?.Address));
    }

    [Fact]
    public async Task A_deleted_compose_reminder_does_not_come_back_when_its_message_changes_again()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var synced = Synced([Mail("s1", Me, rig.Time.GetUtcNow())], new MessageMarks("s1", OutlookFlagStatus.NotFlagged, "24"));
        await Tracking(rig).OnSyncedAsync(synced, Ct);
        await using (var context = rig.Db.CreateContext())
        {
            var store = new ReminderStore(context, new ThreadIndex(context), rig.Time);
            Assert.True(await store.DeleteAsync(User, (await store.ListAsync(User, Ct)).Single().Id, Ct));
        }

        // Clearing the flag changed the message: the next delta returns it, mark and all.
        await Tracking(rig).OnSyncedAsync(synced, Ct);

        Assert.Empty(await ListAsync(rig));
    }

    private static ComposeTracking Tracking(SweepRig rig, FollowUpDbContext? context = null)
    {
        context ??= rig.Db.CreateContext();
        return new ComposeTracking(context, Flags(rig, context), rig.Time, NullLogger<ComposeTracking>.Instance);
    }

    private static IMailboxSyncListener Resolver(SweepRig rig, FollowUpDbContext context) =>
        new ReminderResolver(context, new ThreadIndex(context), Flags(rig, context), rig.Time);

    internal static ReminderFlags Flags(SweepRig rig, FollowUpDbContext context) => new(
        rig.Mailboxes, new SettingsStore(context, rig.Time), new ReminderFlagQueue(NullLogger<ReminderFlagQueue>.Instance), new FlagPermissionNotices(),
        NullLogger<ReminderFlags>.Instance);

    private static async Task<IReadOnlyList<Reminder>> ListAsync(SweepRig rig)
    {
        await using var context = rig.Db.CreateContext();
        return await new ReminderStore(context, new ThreadIndex(context), rig.Time).ListAsync(User, Ct);
    }

    internal static SyncedMailbox Synced(IReadOnlyList<MailRecord> messages, params MessageMarks[] marks) =>
        new(User, [Me], ThreadBuilder.Build(messages).Threads, new NoWriter(), marks);

    internal static MailRecord Mail(string id, string from, DateTimeOffset date, string? conversation = null) => new()
    {
        Id = id,
        InternetMessageId = $"<{id}@example.com>",
        ConversationId = conversation ?? $"conv-{id}",
        From = from,
        To = [new MailAddress(from == Me ? "ana@fabrikam.com" : Me)],
        Date = date,
        Subject = "Quote",
    };

    /// <summary>The sync's writer; flag writes are queued, never run, in these tests.</summary>
    private sealed class NoWriter : IMailboxWriter
    {
        public Task SetFlagAsync(string messageId, OutlookFlag flag, CancellationToken cancellationToken) => throw new InvalidOperationException("not in this test");

        public Task<string> CreateReplyAllDraftAsync(string messageId, string comment, CancellationToken cancellationToken) => throw new InvalidOperationException("not in this test");
    }
}
