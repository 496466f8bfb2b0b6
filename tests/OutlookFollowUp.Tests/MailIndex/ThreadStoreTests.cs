using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.MailIndex;

[Trait("Needs", "Postgres")]
public sealed class ThreadStoreTests
{
    private const string User = "tid:oid-a";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, OnSqlite, OnPostgres]
    public async Task ReplaceThreads_SwapsTheWholeSet(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateIndex().ReplaceThreadsAsync(User, [Mail.Thread("old", FollowUpDirection.Mine, Mail.Monday)], db.Time.GetUtcNow(), Ct);
        db.Time.Advance(TimeSpan.FromHours(1));
        var fresh = Mail.Thread("new", FollowUpDirection.Theirs, Mail.Monday);

        await db.CreateIndex().ReplaceThreadsAsync(User, [fresh], db.Time.GetUtcNow(), Ct);

        var stored = await db.CreateIndex().GetThreadsAsync(User, null, Ct);
        var only = Assert.Single(stored.Threads);
        Assert.Equal(fresh with { Counterparts = only.Counterparts }, only);
        Assert.Equal(fresh.Counterparts, only.Counterparts);
        Assert.Equal(db.Time.GetUtcNow(), stored.ComputedAt);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ReplaceThreads_KeepsTheCounterpartsNames(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var named = Mail.Thread("named", FollowUpDirection.Theirs, Mail.Monday) with { Counterparts = ["ana@fabrikam.com", "ops@fabrikam.com"] };
        named = named with { People = [new("ana@fabrikam.com", "Ana Silva"), new("ops@fabrikam.com")] };

        await db.CreateIndex().ReplaceThreadsAsync(User, [named], db.Time.GetUtcNow(), Ct);

        var only = Assert.Single((await db.CreateIndex().GetThreadsAsync(User, null, Ct)).Threads);
        Assert.Equal(named.Counterparts, only.Counterparts);
        Assert.Equal(named.People, only.People);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task GetThreads_FiltersByDirectionOldestFirst(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var t = Mail.Monday;
        FollowUp[] threads =
        [
            Mail.Thread("m2", FollowUpDirection.Mine, t.AddDays(2)), Mail.Thread("t1", FollowUpDirection.Theirs, t),
            Mail.Thread("m1", FollowUpDirection.Mine, t.AddDays(1)), Mail.Thread("m0", FollowUpDirection.Mine, t.AddDays(1)),
        ];
        await db.CreateIndex().ReplaceThreadsAsync(User, threads, db.Time.GetUtcNow(), Ct);

        var mine = await db.CreateIndex().GetThreadsAsync(User, FollowUpDirection.Mine, Ct);

        Assert.Equal(["m0", "m1", "m2"], mine.Threads.Select(x => x.ThreadKey));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task GetThreads_CarriesTheLastGoodSync(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [], [], "i-1", db.Time.GetUtcNow(), Ct);

        var stored = await db.CreateIndex().GetThreadsAsync(User, null, Ct);

        Assert.Equal((db.Time.GetUtcNow(), (DateTimeOffset?)null), (stored.LastSyncedAt, stored.ComputedAt));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ReplaceThreads_EmptyResult_StillRecordsWhenItWasComputed(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        await db.CreateIndex().ReplaceThreadsAsync(User, [], db.Time.GetUtcNow(), Ct);

        Assert.Equal(db.Time.GetUtcNow(), (await db.CreateIndex().GetThreadsAsync(User, null, Ct)).ComputedAt);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ReplaceThreads_DuplicateThreadKey_IsRejectedBeforeAnyWrite(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var twice = Mail.Thread("x", FollowUpDirection.Mine, Mail.Monday);

        await Assert.ThrowsAsync<ArgumentException>(() => db.CreateIndex().ReplaceThreadsAsync(User, [twice, twice], db.Time.GetUtcNow(), Ct));
    }
}
