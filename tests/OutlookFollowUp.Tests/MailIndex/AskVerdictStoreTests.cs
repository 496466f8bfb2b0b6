using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.MailIndex;

/// <summary>
/// Rule 9 in the index: each message's verdict is stored (its kind, never text) and survives delta sending the message
/// again; the computed follow-ups serve both modes, so switching shows the other list at once.
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class AskVerdictStoreTests
{
    private const string User = "tid:oid-a";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly AskVerdict Request = new(AskKind.Request);

    [Theory, OnSqlite, OnPostgres]
    public async Task ApplyDelta_StoresTheVerdictsKind_AndKeepsItWhenTheMessageComesBackUnjudged(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [Mail.Message("a") with { Asks = Request }, Mail.Message("b")], [], "l-1", db.Time.GetUtcNow(), Ct);

        // A flag set in Outlook sends the message again through delta, without a verdict this time.
        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [Mail.Message("a", subject: "Budget!")], [], "l-2", db.Time.GetUtcNow(), Ct);

        var read = (await db.CreateIndex().GetMessagesAsync(User, Ct)).ToDictionary(m => m.Id);
        Assert.Equal((Request, null, "Budget!"), (read["a"].Asks, read["b"].Asks, read["a"].Subject));
        await using var context = db.CreateContext();
        Assert.Equal("request", await context.Set<IndexedMessage>().Where(m => m.Id == "a").Select(m => m.Asks).SingleAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task SetAsks_StoresEachMessagesVerdict_ForThatUserOnly(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [Mail.Message("a"), Mail.Message("b"), Mail.Message("c")], [], "l", db.Time.GetUtcNow(), Ct);
        await db.CreateIndex().ApplyDeltaAsync("tid:oid-b", "inbox", [Mail.Message("a")], [], "l", db.Time.GetUtcNow(), Ct);

        await db.CreateIndex().SetAsksAsync(User, new Dictionary<string, AskVerdict> { ["a"] = AskVerdict.Nothing, ["b"] = AskVerdict.Unreadable, ["gone"] = Request }, Ct);

        var mine = (await db.CreateIndex().GetMessagesAsync(User, Ct)).ToDictionary(m => m.Id, m => m.Asks);
        Assert.Equal((AskVerdict.Nothing, AskVerdict.Unreadable, (AskVerdict?)null), (mine["a"], mine["b"], mine["c"]));
        Assert.Null(Assert.Single(await db.CreateIndex().GetMessagesAsync("tid:oid-b", Ct)).Asks);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task AStoredKindThisVersionDoesNotKnow_ReadsAsUnjudged(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [Mail.Message("a")], [], "l", db.Time.GetUtcNow(), Ct);
        await using (var context = db.CreateContext())
        {
            await context.Set<IndexedMessage>().ExecuteUpdateAsync(u => u.SetProperty(m => m.Asks, "invitation"));
        }

        Assert.Null(Assert.Single(await db.CreateIndex().GetMessagesAsync(User, Ct)).Asks);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task BothModes_TheDefaultListsThreadsThatAsk_WithTheirReason_EveryUnansweredThreadAsBefore(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var thanks = Mail.Thread("thanks", FollowUpDirection.Mine, Mail.Monday);
        var question = Mail.Thread("question", FollowUpDirection.Theirs, Mail.Monday.AddHours(1));
        var unread = Mail.Thread("unread", FollowUpDirection.Mine, Mail.Monday.AddHours(2));
        await db.CreateIndex().ReplaceThreadsAsync(User, new ComputedThreads(
            [thanks, question, unread],
            [question with { Reason = "You asked Ana a question 3 days ago; no reply since." }, unread]), db.Time.GetUtcNow(), Ct);

        var asking = await db.CreateIndex().GetThreadsAsync(User, null, allUnanswered: false, Ct);
        var all = await db.CreateIndex().GetThreadsAsync(User, null, allUnanswered: true, Ct);

        Assert.Equal([("question", "You asked Ana a question 3 days ago; no reply since."), ("unread", unread.Reason)], asking.Threads.Select(t => (t.ThreadKey, t.Reason)));
        Assert.Equal([thanks.Reason, question.Reason, unread.Reason], all.Threads.Select(t => t.Reason));
        Assert.Equal(["unread"], (await db.CreateIndex().GetThreadsAsync(User, FollowUpDirection.Mine, allUnanswered: false, Ct)).Threads.Select(t => t.ThreadKey));
        Assert.Equal(db.Time.GetUtcNow(), asking.ComputedAt);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task TheDefaultMode_WithNothingAsking_StillSaysWhenItWasComputed(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateIndex().ReplaceThreadsAsync(User, new ComputedThreads([Mail.Thread("thanks", FollowUpDirection.Mine, Mail.Monday)], []), db.Time.GetUtcNow(), Ct);

        var asking = await db.CreateIndex().GetThreadsAsync(User, null, allUnanswered: false, Ct);

        Assert.Equal((0, db.Time.GetUtcNow()), (asking.Threads.Count, asking.ComputedAt));
    }

    [Fact]
    public async Task AThreadThatAsksMustBeAmongEveryUnansweredThread()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var stray = Mail.Thread("stray", FollowUpDirection.Mine, Mail.Monday);

        await Assert.ThrowsAsync<ArgumentException>(() => db.CreateIndex().ReplaceThreadsAsync(User, new ComputedThreads([], [stray]), db.Time.GetUtcNow(), Ct));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task SetMailbox_KeepsTheDisplayName_UntilAnotherIsGiven(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateIndex().SetMailboxAsync(User, ["me@example.com"], "UTC", "Alex Wilber", Ct);

        await db.CreateIndex().SetMailboxAsync(User, ["me@example.com"], "Europe/Berlin", Ct);

        Assert.Equal("Alex Wilber", (await db.CreateIndex().GetStateAsync(User, Ct))!.DisplayName);
    }
}
