using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Away;

/// <summary>The thread index's side of "away": which threads are still to ask, what is stored, and what a recomputation keeps.</summary>
[Trait("Needs", "Postgres")]
public sealed class AwayStoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private const string User = "tenant:user-1";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_thread_staying_theirs_keeps_what_was_said_and_one_entering_anew_is_asked(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var index = db.CreateIndex();
        var ana = new AwayMark("ana@fabrikam.com", "Ana", Now.AddDays(3));
        await index.ReplaceThreadsAsync(User, [Thread("t1", FollowUpDirection.Theirs), Thread("t2", FollowUpDirection.Theirs), Thread("t3", FollowUpDirection.Mine)], Now, Ct);

        var first = await index.AwayToAskAsync(User, Ct);
        await index.SetAwayAsync(User, new Dictionary<string, IReadOnlyList<AwayMark>> { ["t1"] = [ana], ["t2"] = [] }, Ct);
        var afterAsking = await index.AwayToAskAsync(User, Ct);

        // Next computation: t1 still waits on them, t2 turned mine, t3 entered "waiting on them".
        await index.ReplaceThreadsAsync(User, [Thread("t1", FollowUpDirection.Theirs), Thread("t2", FollowUpDirection.Mine), Thread("t3", FollowUpDirection.Theirs)], Now.AddHours(1), Ct);
        var second = await index.AwayToAskAsync(User, Ct);
        var stored = (await db.CreateIndex().GetThreadsAsync(User, null, Ct)).Threads.ToDictionary(t => t.ThreadKey);

        Assert.Equal(["t1", "t2"], first.Select(t => t.ThreadKey));
        Assert.Equal(["t1"], afterAsking.Select(t => t.ThreadKey)); // t1 says Ana is away: asked again; t2 said nothing
        Assert.Equal(["t1", "t3"], second.Select(t => t.ThreadKey));
        Assert.Equal([ana], stored["t1"].Away!);
        Assert.Null(stored["t2"].Away);
        Assert.Null(stored["t3"].Away);
    }

    private static FollowUp Thread(string key, FollowUpDirection direction) =>
        new(direction, null, $"m-{key}", key, Now.AddDays(-3), $"Subject {key}", ["ana@fabrikam.com"], "reason")
        {
            People = [new MailAddress("ana@fabrikam.com", "Ana")],
        };
}
