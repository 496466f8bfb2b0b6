using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Privacy;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;
using IndexMail = OutlookFollowUp.Tests.MailIndex.Mail;

namespace OutlookFollowUp.Tests.Privacy;

/// <summary>The tenant policy's retention days are enforced on the stored metadata, per tenant, on both databases.</summary>
[Trait("Needs", "Postgres")]
public sealed class RetentionPurgeTests
{
    private const string Strict = "tenant-strict:user-1"; // policy: 30 days
    private const string Default = "tenant-default:user-2"; // no policy: 180 days
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, OnSqlite, OnPostgres]
    public async Task Purge_DeletesWhatIsOlderThanTheTenantsRetention_AndNothingElse(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var now = db.Time.GetUtcNow();
        await using (var setup = db.CreateContext())
        {
            setup.Set<TenantPolicyRow>().Add(new TenantPolicyRow { TenantId = "tenant-strict", DefaultWindowHours = 48, MinWindowHours = 24, MaxWindowHours = 48, ExcludedDomains = "[]", RetentionDays = 30 });
            await setup.SaveChangesAsync(Ct);
        }

        foreach (var user in new[] { Strict, Default })
        {
            var index = db.CreateIndex();
            await index.ApplyDeltaAsync(user, "inbox", [IndexMail.Message("old-40d", now.AddDays(-40)), IndexMail.Message("new-5d", now.AddDays(-5)), IndexMail.Message("ancient", now.AddDays(-200))], [], "link", now, Ct);
            await index.ReplaceThreadsAsync(user, [Thread("t-old", now.AddDays(-40)), Thread("t-new", now.AddDays(-5))], now, Ct);
            await using var rows = db.CreateContext();
            rows.Set<ReminderRow>().AddRange(
                Reminder(user, "done-old", done: now.AddDays(-40)),
                Reminder(user, "open-old", done: null, created: now.AddDays(-60)),
                Reminder(user, "done-new", done: now.AddDays(-1)));
            rows.Set<DismissalRow>().AddRange(
                new DismissalRow { UserKey = user, ThreadKey = "d-old", LastMessageAt = now.AddDays(-40), DismissedAt = now.AddDays(-39) },
                new DismissalRow { UserKey = user, ThreadKey = "d-new", LastMessageAt = now.AddDays(-3), DismissedAt = now.AddDays(-2) });
            await rows.SaveChangesAsync(Ct);
        }

        await using (var context = db.CreateContext())
        {
            await Purge(context, db.Time).RunAsync(Ct);
        }

        Assert.Equal(
            ["messages new-5d", "reminders done-new,open-old", "threads t-new", "dismissals d-new"],
            await SnapshotAsync(db, Strict));
        Assert.Equal(
            ["messages new-5d,old-40d", "reminders done-new,done-old,open-old", "threads t-new,t-old", "dismissals d-new,d-old"],
            await SnapshotAsync(db, Default));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Purge_Twice_SecondRunDeletesNothing(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var now = db.Time.GetUtcNow();
        await db.CreateIndex().ApplyDeltaAsync(Default, "inbox", [IndexMail.Message("ancient", now.AddDays(-400))], [], "link", now, Ct);

        await using var context = db.CreateContext();
        var first = await Purge(context, db.Time).RunAsync(Ct);
        var second = await Purge(context, db.Time).RunAsync(Ct);

        Assert.Equal((1, 0), (first, second));
    }

    private static RetentionPurge Purge(FollowUpDbContext context, TimeProvider time)
    {
        var index = new ThreadIndex(context);
        return new RetentionPurge(index, new DismissalStore(context, time), new ReminderStore(context, index, time), new SettingsStore(context, time), time);
    }

    private static FollowUp Thread(string key, DateTimeOffset since) =>
        new(FollowUpDirection.Theirs, $"<{key}@x>", key, key, since, "s", ["a@b.c"], "r");

    private static ReminderRow Reminder(string user, string id, DateTimeOffset? done, DateTimeOffset? created = null) => new()
    {
        UserKey = user, Id = id, MessageId = id, Subject = "s", RemindAt = (created ?? done ?? DateTimeOffset.UnixEpoch).AddDays(1),
        CreatedAt = created ?? done ?? DateTimeOffset.UnixEpoch, DoneAt = done,
    };

    private static async Task<string[]> SnapshotAsync(TestDatabase db, string user)
    {
        await using var context = db.CreateContext();
        var messages = (await context.Set<IndexedMessage>().Where(m => m.UserKey == user).Select(m => m.Id).ToListAsync(Ct)).Order(StringComparer.Ordinal);
        var reminders = (await context.Set<ReminderRow>().Where(r => r.UserKey == user).Select(r => r.Id).ToListAsync(Ct)).Order(StringComparer.Ordinal);
        var threads = (await context.Set<ThreadSummary>().Where(t => t.UserKey == user).Select(t => t.ThreadKey).ToListAsync(Ct)).Order(StringComparer.Ordinal);
        var dismissals = (await context.Set<DismissalRow>().Where(d => d.UserKey == user).Select(d => d.ThreadKey).ToListAsync(Ct)).Order(StringComparer.Ordinal);
        return [$"messages {string.Join(',', messages)}", $"reminders {string.Join(',', reminders)}", $"threads {string.Join(',', threads)}", $"dismissals {string.Join(',', dismissals)}"];
    }
}
