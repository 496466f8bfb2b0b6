using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;
using static OutlookFollowUp.Tests.Away.AwayRig;

namespace OutlookFollowUp.Tests.Away;

/// <summary>
/// The due sweep's MailTips round per tenant: the counterparts of a whole claimed batch, read from the index, asked
/// once per tenant through one of its mailboxes, before the mailboxes are swept one by one.
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class AwayRoundTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly DateTimeOffset DueTime = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Ana's reply ends at midnight Rome time on Thursday; reminders held for her move to Friday 09:00 Rome.</summary>
    private static readonly DateTimeOffset AnaBack = new(2026, 12, 3, 23, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Friday9Rome = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task Several_mailboxes_of_one_batch_ask_one_getMailTips_call_for_their_union(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var ana = await ReminderInMailboxAsync(rig, "tenant:user-1", "m1", Ana);
        var ben = await ReminderInMailboxAsync(rig, "tenant:user-2", "m2", Ben);
        var carla = await ReminderInMailboxAsync(rig, "tenant:user-3", "m3", new InMemoryAddress("carla@fabrikam.com", "Carla"));
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, AnaBack);
        rig.Time.SetUtcNow(DueTime.AddMinutes(1));

        var swept = await rig.AwaySweep().RunOnceAsync(Ct);

        Assert.Equal((3, 2), (swept.Claimed, swept.Due));
        Assert.Equal(1, rig.MailTipsCalls());
        Assert.Equal(Friday9Rome, (await rig.RowAsync(ana, "tenant:user-1")).RemindAt);
        Assert.Equal(ReminderStatus.Due, rig.Reminder(await rig.RowAsync(ben, "tenant:user-2")).Status);
        Assert.Equal(ReminderStatus.Due, rig.Reminder(await rig.RowAsync(carla, "tenant:user-3")).Status);
    }

    [Fact]
    public async Task Two_tenants_ask_one_call_each_even_for_the_same_address()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var first = await ReminderInMailboxAsync(rig, "t1:user-1", "m1", Ana);
        await ReminderInMailboxAsync(rig, "t1:user-2", "m2", Ben);
        var second = await ReminderInMailboxAsync(rig, "t2:user-1", "m3", Ana);
        await ReminderInMailboxAsync(rig, "t2:user-2", "m4", Ben);
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, AnaBack);
        rig.Time.SetUtcNow(DueTime.AddMinutes(1));

        await rig.AwaySweep().RunOnceAsync(Ct);

        // What one tenant's mailboxes learnt is not reused for another tenant: each asks once for its own.
        Assert.Equal(2, rig.MailTipsCalls());
        Assert.Equal((Friday9Rome, Friday9Rome), ((await rig.RowAsync(first, "t1:user-1")).RemindAt, (await rig.RowAsync(second, "t2:user-1")).RemindAt));
    }

    [Fact]
    public async Task More_than_100_addresses_of_a_tenant_are_split_into_calls_of_100()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var ids = new List<(string User, string Id)>();
        for (var i = 0; i < 150; i++)
        {
            var user = $"tenant:user-{i:D3}";
            ids.Add((user, await ReminderInMailboxAsync(rig, user, $"m{i}", new InMemoryAddress($"person{i}@fabrikam.com", $"Person {i}"))));
        }

        // One away in each call's share of the addresses: both answers must count.
        rig.Mailbox.SetAutomaticReply("person3@fabrikam.com", "Out of office", null, AnaBack);
        rig.Mailbox.SetAutomaticReply("person140@fabrikam.com", "Out of office", null, AnaBack);
        rig.Time.SetUtcNow(DueTime.AddMinutes(1));

        var swept = await rig.AwaySweep().RunOnceAsync(Ct);

        Assert.Equal((150, 148), (swept.Claimed, swept.Due));
        Assert.Equal(2, rig.MailTipsCalls());
        Assert.Equal(Friday9Rome, (await rig.RowAsync(ids[3].Id, ids[3].User)).RemindAt);
        Assert.Equal(Friday9Rome, (await rig.RowAsync(ids[140].Id, ids[140].User)).RemindAt);
    }

    [Fact]
    public async Task When_the_first_mailboxs_credentials_fail_the_next_one_asks()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var expired = await ReminderInMailboxAsync(rig, "tenant:a-expired", "m1", Ben);
        var ana = await ReminderInMailboxAsync(rig, "tenant:b-user", "m2", Ana);
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, AnaBack);
        rig.Mailboxes = new OneExpired(rig.Mailboxes, "tenant:a-expired", rig);
        rig.Time.SetUtcNow(DueTime.AddMinutes(1));

        var swept = await rig.AwaySweep().RunOnceAsync(Ct);

        // The expired token never reached Graph; the second mailbox asked for both, and its own reminder was held.
        Assert.Equal(1, rig.MailTipsCalls());
        Assert.Equal(Friday9Rome, (await rig.RowAsync(ana, "tenant:b-user")).RemindAt);
        Assert.Equal(1, swept.Retried); // the expired mailbox's own reminder cannot be read, so it waits as before
        Assert.Equal(ReminderStatus.Scheduled, rig.Reminder(await rig.RowAsync(expired, "tenant:a-expired")).Status);
    }

    [Fact]
    public async Task Throttled_the_reminders_come_due_at_their_time_and_no_mailbox_asks_again_in_that_batch()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        var ana = await ReminderInMailboxAsync(rig, "tenant:user-1", "m1", Ana);
        var ben = await ReminderInMailboxAsync(rig, "tenant:user-2", "m2", Ben);
        rig.Mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, AnaBack);
        rig.Server.Faults.Next(GraphMatch.Url("getMailTips"), Fault.Throttle(1), times: 10);
        rig.Time.SetUtcNow(DueTime.AddMinutes(1));

        var swept = await rig.AwaySweep().RunOnceAsync(Ct);
        var anaRow = await rig.RowAsync(ana, "tenant:user-1");

        Assert.Equal((2, 2, 0), (swept.Claimed, swept.Due, swept.Retried));
        Assert.Equal((ReminderStatus.Due, DueTime), (rig.Reminder(anaRow).Status, anaRow.RemindAt));
        Assert.Null(rig.Reminder(anaRow).Away);
        Assert.Equal(ReminderStatus.Due, rig.Reminder(await rig.RowAsync(ben, "tenant:user-2")).Status);
        Assert.Equal(1, rig.MailTipsCalls());
    }

    /// <summary>
    /// A mailbox of <paramref name="user"/> (Rome office hours) with one message sent to <paramref name="to"/>, in Graph
    /// and in the index as a sync leaves it, and a reminder on it due at <see cref="DueTime"/>.
    /// </summary>
    private static async Task<string> ReminderInMailboxAsync(SweepRig rig, string user, string messageId, InMemoryAddress to)
    {
        rig.Mailbox.WorkingHours = RomeOfficeHours;
        var sentAt = rig.Time.GetUtcNow().AddHours(-1);
        rig.SentTo(messageId, sentAt, to);
        var index = rig.Db.CreateIndex();
        await index.SetMailboxAsync(user, [SweepRig.Me], "UTC", Ct);
        await index.ApplyDeltaAsync(user, "sentitems", [new MailRecord
        {
            Id = messageId, InternetMessageId = $"<{messageId}@fabrikam.com>", ConversationId = $"conv-{messageId}", Subject = $"Subject {messageId}",
            From = SweepRig.Me, To = [new MailAddress(to.Address, to.Name)], Date = sentAt,
        }], [], deltaLink: null, sentAt, Ct);
        return await rig.RemindAsync(messageId, DueTime, user);
    }

    /// <summary>The rig's mailboxes, but <paramref name="expiredUser"/>'s through a pasted token that has expired (sign-in needed).</summary>
    private sealed class OneExpired(IMailboxes inner, string expiredUser, SweepRig rig) : IMailboxes
    {
        private readonly LocalMailboxes _expired = new(
            rig.Graph.GetRequiredService<GraphClientFactory>(), new PastedTokenSource(ExpiredToken(rig.Time.GetUtcNow()), rig.Time));

        public IMailboxReader Reader(string userKey) => userKey == expiredUser ? _expired.Reader(userKey) : inner.Reader(userKey);

        public IMailboxWriter Writer(string userKey) => userKey == expiredUser ? _expired.Writer(userKey) : inner.Writer(userKey);

        public IMailboxSubscriptions Subscriptions(string userKey) => inner.Subscriptions(userKey);

        private static string ExpiredToken(DateTimeOffset now)
        {
            static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return $"{Part("""{"alg":"none"}""")}.{Part($$"""{"exp":{{now.AddHours(-1).ToUnixTimeSeconds()}}}""")}.sig";
        }
    }
}
