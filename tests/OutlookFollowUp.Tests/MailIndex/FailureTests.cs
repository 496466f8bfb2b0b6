using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.MailIndex;

/// <summary>A write that fails midway leaves the stored data exactly as it was.</summary>
[Trait("Needs", "Postgres")]
public sealed class FailureTests
{
    private const string User = "tid:oid-a";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, OnSqlite, OnPostgres]
    public async Task ApplyDelta_SaveFails_RemovalsAndLinkAreRolledBack(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var before = db.Time.GetUtcNow();
        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [Mail.Message("a"), Mail.Message("b")], [], "link-1", before, Ct);
        db.Time.Advance(TimeSpan.FromMinutes(5));

        var failing = db.CreateIndex(new FailingSave());
        await Assert.ThrowsAsync<InjectedFailure>(() =>
            failing.ApplyDeltaAsync(User, "inbox", [Mail.Message("a", subject: "changed"), Mail.Message("c")], ["b"], "link-2", db.Time.GetUtcNow(), Ct));

        var index = db.CreateIndex();
        var messages = await index.GetMessagesAsync(User, Ct);
        Assert.Equal(["a:Budget", "b:Budget"], messages.Select(m => $"{m.Id}:{m.Subject}"));
        Assert.Equal([new FolderSnapshot("inbox", "link-1", before)], (await index.GetStateAsync(User, Ct))!.Folders);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ReplaceThreads_SaveFails_OldThreadsStay(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateIndex().ReplaceThreadsAsync(User, [Mail.Thread("old", FollowUpDirection.Mine, Mail.Monday)], db.Time.GetUtcNow(), Ct);

        await Assert.ThrowsAsync<InjectedFailure>(() =>
            db.CreateIndex(new FailingSave()).ReplaceThreadsAsync(User, [Mail.Thread("new", FollowUpDirection.Mine, Mail.Monday)], db.Time.GetUtcNow(), Ct));

        Assert.Equal(["old"], (await db.CreateIndex().GetThreadsAsync(User, null, Ct)).Threads.Select(t => t.ThreadKey));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ResetFolder_SecondStatementFails_MessagesStay(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [Mail.Message("a")], [], "link-1", db.Time.GetUtcNow(), Ct);

        await Assert.ThrowsAsync<InjectedFailure>(() =>
            db.CreateIndex(new FailingCommand("folder_sync_states")).ResetFolderAsync(User, "inbox", Ct));

        Assert.Single(await db.CreateIndex().GetMessagesAsync(User, Ct));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task DeleteUser_LastStatementFails_NothingIsErased(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [Mail.Message("a")], [], "link-1", db.Time.GetUtcNow(), Ct);
        await db.CreateIndex().ReplaceThreadsAsync(User, [Mail.Thread("t", FollowUpDirection.Mine, Mail.Monday)], db.Time.GetUtcNow(), Ct);

        await Assert.ThrowsAsync<InjectedFailure>(() =>
            db.CreateIndex(new FailingCommand("DELETE FROM \"mailbox_states\"", "DELETE FROM mailbox_states")).DeleteUserAsync(User, Ct));

        var index = db.CreateIndex();
        Assert.Single(await index.GetMessagesAsync(User, Ct));
        Assert.Single((await index.GetThreadsAsync(User, null, Ct)).Threads);
        Assert.NotNull(await index.GetStateAsync(User, Ct));
    }

    private sealed class InjectedFailure : Exception;

    private sealed class FailingSave : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new InjectedFailure();
    }

    /// <summary>Fails the first command whose SQL contains one of the markers; earlier statements of the write have run.</summary>
    private sealed class FailingCommand(params string[] markers) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            markers.Any(m => command.CommandText.Contains(m, StringComparison.Ordinal))
                ? throw new InjectedFailure()
                : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
