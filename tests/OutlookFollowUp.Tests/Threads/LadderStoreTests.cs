using OutlookFollowUp.FollowUps;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;
using IndexMail = OutlookFollowUp.Tests.MailIndex.Mail;

namespace OutlookFollowUp.Tests.Threads;

/// <summary>The thread index keeps nudges and who replied; dismissals keep the move-on reason and note (SQLite and PostgreSQL).</summary>
[Trait("Needs", "Postgres")]
public sealed class LadderStoreTests
{
    private const string User = "tid:oid-ladder";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, OnSqlite, OnPostgres]
    public async Task ReplaceThreads_KeepsNudgesAndWhoReplied(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var group = IndexMail.Thread("group", FollowUpDirection.Theirs, IndexMail.Monday) with
        {
            Counterparts = ["ana@fabrikam.com", "bob@fabrikam.com", "carla@contoso.com"],
            People = [new("ana@fabrikam.com", "Ana Silva"), new("bob@fabrikam.com"), new("carla@contoso.com", "Carla Jones")],
            Nudges = 2,
            Replied = [new("bob@fabrikam.com"), new("carla@contoso.com", "Carla Jones")],
        };
        var plain = IndexMail.Thread("plain", FollowUpDirection.Theirs, IndexMail.Monday.AddHours(1)) with { Nudges = 4 };

        await db.CreateIndex().ReplaceThreadsAsync(User, [group, plain], db.Time.GetUtcNow(), Ct);

        var stored = (await db.CreateIndex().GetThreadsAsync(User, null, Ct)).Threads;
        Assert.Equal((2, 4), (stored[0].Nudges, stored[1].Nudges));
        Assert.Equal(group.Replied, stored[0].Replied);
        Assert.Equal(group.People, stored[0].People);
        Assert.Empty(stored[1].Replied);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Dismiss_MovedOn_KeepsTheReasonAndNote_APlainDismissalClearsThem(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateIndex().ReplaceThreadsAsync(User, [IndexMail.Thread("t1", FollowUpDirection.Theirs, IndexMail.Monday)], db.Time.GetUtcNow(), Ct);

        var movedOn = await new DismissalStore(db.CreateContext(), db.Time).DismissAsync(User, "t1", Ct, DismissalReasons.MovedOn, "Called her instead.");
        var plain = await new DismissalStore(db.CreateContext(), db.Time).DismissAsync(User, "t1", Ct);

        Assert.Equal((DismissalReasons.MovedOn, "Called her instead."), (movedOn!.Reason, movedOn.Note));
        Assert.Equal((DismissalReasons.Dismissed, (string?)null), (plain!.Reason, plain.Note));
        Assert.Equal(IndexMail.Monday, (await new DismissalStore(db.CreateContext(), db.Time).LastMessageTimesAsync(User, Ct))["t1"]);
    }
}
