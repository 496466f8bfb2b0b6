using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.MailIndex;

/// <summary>Every operation for user A leaves user B's rows alone, even where their message ids and thread keys coincide.</summary>
[Trait("Needs", "Postgres")]
public sealed class UserIsolationTests
{
    private const string A = "tid:oid-a";
    private const string B = "tid:oid-b";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, OnSqlite, OnPostgres]
    public async Task OperationsOnA_NeverTouchB(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db, A);
        await SeedAsync(db, B);
        var before = await SnapshotAsync(db, B);
        var now = db.Time.GetUtcNow();

        var index = db.CreateIndex();
        await index.ApplyDeltaAsync(A, "inbox", [Mail.Message("shared", subject: "A only")], ["in-1"], "a-2", now, Ct);
        await index.RecordFailureAsync(A, "token_expired", now, Ct);
        await index.ReplaceThreadsAsync(A, [], now, Ct);
        await index.ResetFolderAsync(A, "sentitems", Ct);
        await index.DeleteUserAsync(A, Ct);

        Assert.Equal(before, await SnapshotAsync(db, B));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task DeleteUser_ErasesEverythingOfThatUser(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db, A);

        await db.CreateIndex().DeleteUserAsync(A, Ct);

        var index = db.CreateIndex();
        Assert.Null(await index.GetStateAsync(A, Ct));
        Assert.Empty(await index.GetMessagesAsync(A, Ct));
        Assert.Empty((await index.GetThreadsAsync(A, null, Ct)).Threads);
    }

    private static async Task SeedAsync(TestDatabase db, string user)
    {
        var index = db.CreateIndex();
        var now = db.Time.GetUtcNow();
        await index.SetMailboxAsync(user, [$"{user}@example.com"], "UTC", Ct);
        await index.ApplyDeltaAsync(user, "inbox", [Mail.Message("shared"), Mail.Message("in-1")], [], "in-link", now, Ct);
        await index.ApplyDeltaAsync(user, "sentitems", [Mail.Message("out-1")], [], "out-link", now, Ct);
        await index.ReplaceThreadsAsync(user, [Mail.Thread("shared-thread", FollowUpDirection.Mine, Mail.Monday)], now, Ct);
    }

    /// <summary>The user's whole stored state as comparable text.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase db, string user)
    {
        var index = db.CreateIndex();
        var state = await index.GetStateAsync(user, Ct);
        var messages = await index.GetMessagesAsync(user, Ct);
        var threads = await index.GetThreadsAsync(user, null, Ct);
        return string.Join('\n',
        [
            $"{state!.LastSyncedAt} {state.LastErrorCode} {string.Join(',', state.Addresses)} {state.TimeZone}",
            .. state.Folders.Select(f => f.ToString()),
            .. messages.Select(m => $"{m.Id} {m.Subject} {m.Date}"),
            .. threads.Threads.Select(t => $"{t.ThreadKey} {t.Direction} {t.Since}"),
        ]);
    }
}
