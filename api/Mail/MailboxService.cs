using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Mail;

/// <summary>The threads a user sees, from the index; refreshed from Graph when due, stale when Graph could not be read.</summary>
/// <param name="NeverSynced">Nothing could be read yet: callers answer 503 rather than an empty list that looks final.</param>
/// <param name="DismissedUpTo">The user's dismissals (rule 8), read with the threads.</param>
/// <param name="LastErrorCode">Why the last sync failed (<see cref="MailboxRefresher.TokenRejected"/>, say), when it did.</param>
public sealed record ThreadsView(
    IReadOnlyList<FollowUp> Threads, bool Stale, DateTimeOffset? LastSyncedAt, bool NeverSynced, IReadOnlyDictionary<string, DateTimeOffset>? DismissedUpTo = null,
    string? LastErrorCode = null);

public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>An index older than this is refreshed in the background while the current one is served.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class MailboxService(IThreadIndex index, MailboxRefresher refresher, TimeProvider time, Microsoft.Extensions.Options.IOptions<SyncOptions> options)
{
    /// <summary>The warm path is the thread read alone (one query); Graph is asked only when the index is missing or due.</summary>
    public async Task<ThreadsView> GetThreadsAsync(string userKey, FollowUpDirection? direction, CancellationToken cancellationToken)
    {
        var threads = await index.GetThreadsAsync(userKey, direction, cancellationToken);
        if (threads.LastSyncedAt is null)
        {
            // The first open waits for the first sync: there is nothing to show before it.
            await refresher.RefreshAsync(userKey).WaitAsync(cancellationToken);
            threads = await index.GetThreadsAsync(userKey, direction, cancellationToken);
        }
        else if (time.GetUtcNow() - (threads.LastAttemptAt ?? threads.LastSyncedAt) >= options.Value.RefreshInterval)
        {
            _ = refresher.RefreshAsync(userKey);
        }

        return View(threads);
    }

    /// <summary>Syncs now (the pane's refresh), then answers like <see cref="GetThreadsAsync"/>.</summary>
    public async Task<ThreadsView> SyncNowAsync(string userKey, FollowUpDirection? direction, CancellationToken cancellationToken)
    {
        await refresher.RefreshAsync(userKey).WaitAsync(cancellationToken);
        return View(await index.GetThreadsAsync(userKey, direction, cancellationToken));
    }

    /// <summary>Stale when the last attempt failed: the threads are the last good index.</summary>
    private static ThreadsView View(IndexedThreads threads) =>
        new(threads.Threads, Stale: threads.LastErrorCode is not null, threads.LastSyncedAt, NeverSynced: threads.ComputedAt is null, threads.DismissedUpTo, threads.LastErrorCode);
}
