using OutlookFollowUp.FollowUps;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.MailIndex;

/// <summary>Several API instances writing one user's index at once (PostgreSQL is what several instances share).</summary>
public sealed class ConcurrencyTests
{
    private const string User = "tid:oid-a";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Trait("Needs", "Postgres")]

    [PostgresFact]
    public async Task ApplyDelta_TwoInstancesAtOnce_BothLandAndNothingIsLost()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var inbox = db.CreateIndex();
        var sent = db.CreateIndex();
        var now = db.Time.GetUtcNow();

        // Overlapping new ids: without per-user serialization both would insert "shared-N" and one would fail on the key.
        await Task.WhenAll(
            Task.Run(() => WriteRoundsAsync(inbox, "inbox", now)),
            Task.Run(() => WriteRoundsAsync(sent, "sentitems", now)));

        var index = db.CreateIndex();
        var ids = (await index.GetMessagesAsync(User, Ct)).Select(m => m.Id).ToHashSet();
        Assert.Equal(30, ids.Count);
        Assert.Equal(["inbox:link-9", "sentitems:link-9"], (await index.GetStateAsync(User, Ct))!.Folders.Select(f => $"{f.Folder}:{f.DeltaLink}"));
    }

    [Trait("Needs", "Postgres")]

    [PostgresFact]
    public async Task ReplaceThreads_WhileReading_ReadersSeeOneWholeSet()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var writer = db.CreateIndex();
        var reader = db.CreateIndex();
        FollowUp[] Set(int n) => [.. Enumerable.Range(0, 5).Select(i => Mail.Thread($"set{n}-{i}", FollowUpDirection.Mine, Mail.Monday))];
        await writer.ReplaceThreadsAsync(User, Set(0), db.Time.GetUtcNow(), Ct);

        var writes = Task.Run(async () =>
        {
            for (var n = 1; n <= 20; n++)
            {
                await writer.ReplaceThreadsAsync(User, Set(n), db.Time.GetUtcNow(), Ct);
            }
        });
        var counts = new List<int>();
        while (!writes.IsCompleted)
        {
            counts.Add((await reader.GetThreadsAsync(User, null, Ct)).Threads.Count);
        }

        await writes;
        Assert.All(counts, c => Assert.Equal(5, c));
    }

    private static async Task WriteRoundsAsync(IThreadIndex index, string folder, DateTimeOffset now)
    {
        for (var round = 0; round < 10; round++)
        {
            MailRecord[] page = [Mail.Message($"shared-{round}"), Mail.Message($"{folder}-{round}")];
            await index.ApplyDeltaAsync(User, folder, page, [], $"link-{round}", now, Ct);
        }
    }
}
