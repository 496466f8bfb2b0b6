using OutlookFollowUp.FollowUps;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.MailIndex;

[Trait("Needs", "Postgres")]
public sealed class MessageStoreTests
{
    private const string User = "tid:oid-a";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, OnSqlite, OnPostgres]
    public async Task ApplyDelta_EveryMailRecordField_RoundTrips(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var full = Mail.Full("full");
        var bare = new MailRecord { Id = "bare" };

        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [full, bare], [], "link-1", db.Time.GetUtcNow(), Ct);
        var read = await db.CreateIndex().GetMessagesAsync(User, Ct);

        Mail.AssertSame(bare, read.Single(m => m.Id == "bare"));
        Mail.AssertSame(full, read.Single(m => m.Id == "full"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ApplyDelta_UpsertsRemovesAndStoresTheLink(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = db.Time.GetUtcNow();
        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [Mail.Message("a"), Mail.Message("b")], [], "link-1", first, Ct);
        db.Time.Advance(TimeSpan.FromMinutes(5));

        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [Mail.Message("a", subject: "Budget v2"), Mail.Message("c")], ["b"], "link-2", db.Time.GetUtcNow(), Ct);

        var index = db.CreateIndex();
        var messages = await index.GetMessagesAsync(User, Ct);
        Assert.Equal(["a", "c"], messages.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal("Budget v2", messages.Single(m => m.Id == "a").Subject);
        var state = await index.GetStateAsync(User, Ct);
        Assert.Equal([new FolderSnapshot("inbox", "link-2", db.Time.GetUtcNow())], state!.Folders);
        Assert.Equal(db.Time.GetUtcNow(), state.LastSyncedAt);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ApplyDelta_RemovalFromAnotherFolder_KeepsAMessageThatMovedHere(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var now = db.Time.GetUtcNow();
        await db.CreateIndex().ApplyDeltaAsync(User, "sentitems", [Mail.Message("moved")], [], "s-1", now, Ct);

        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [], ["moved"], "i-1", now, Ct);

        Assert.Single(await db.CreateIndex().GetMessagesAsync(User, Ct));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ResetFolder_DropsThatFolderOnly(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var now = db.Time.GetUtcNow();
        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [Mail.Message("in")], [], "i-1", now, Ct);
        await db.CreateIndex().ApplyDeltaAsync(User, "sentitems", [Mail.Message("out")], [], "s-1", now, Ct);

        await db.CreateIndex().ResetFolderAsync(User, "inbox", Ct);

        var index = db.CreateIndex();
        Assert.Equal(["out"], (await index.GetMessagesAsync(User, Ct)).Select(m => m.Id));
        Assert.Equal(["sentitems"], (await index.GetStateAsync(User, Ct))!.Folders.Select(f => f.Folder));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task GetMessages_ReadsByDateThenOrdinalId(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var t = Mail.Monday;
        MailRecord[] upserts =
        [
            Mail.Message("b", t.AddHours(1)), Mail.Message("B", t.AddHours(1)), Mail.Message("a", t.AddHours(2)),
            Mail.Message("z", t.ToOffset(TimeSpan.FromHours(-5))), Mail.Message("undated") with { Date = null },
        ];

        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", upserts, [], null, db.Time.GetUtcNow(), Ct);

        var ids = (await db.CreateIndex().GetMessagesAsync(User, Ct)).Select(m => m.Id);
        Assert.Equal(["undated", "z", "B", "b", "a"], ids);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task RecordFailure_KeepsTheLastGoodSync(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var good = db.Time.GetUtcNow();
        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [], [], "i-1", good, Ct);
        db.Time.Advance(TimeSpan.FromMinutes(15));

        await db.CreateIndex().RecordFailureAsync(User, "graph_throttled", db.Time.GetUtcNow(), Ct);

        var state = await db.CreateIndex().GetStateAsync(User, Ct);
        Assert.Equal((good, db.Time.GetUtcNow(), "graph_throttled"), (state!.LastSyncedAt, state.LastAttemptAt, state.LastErrorCode));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task SetMailbox_StoresAddressesAndTimeZone(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        await db.CreateIndex().SetMailboxAsync(User, ["me@example.com", "alias@example.com"], "Europe/Berlin", Ct);

        var state = await db.CreateIndex().GetStateAsync(User, Ct);
        Assert.Equal(["me@example.com", "alias@example.com"], state!.Addresses);
        Assert.Equal("Europe/Berlin", state.TimeZone);
    }
}
