using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Index;

namespace OutlookFollowUp.Mail;

/// <summary>The threads a user sees, from the index; refreshed from Graph when due, stale when Graph could not be read.</summary>
/// <param name="NeverSynced">Nothing could be read yet: callers answer 503 rather than an empty list that looks final.</param>
public sealed record ThreadsView(IReadOnlyList<FollowUp> Threads, bool Stale, DateTimeOffset? LastSyncedAt, bool NeverSynced);

public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>An index older than this is refreshed in the background while the current one is served.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class MailboxService(IThreadIndex index, MailboxRefresher refresher, TimeProvider time, Microsoft.Extensions.Options.IOptions<SyncOptions> options)
{
    public async Task<ThreadsView> GetThreadsAsync(string userKey, FollowUpDirection? direction, CancellationToken cancellationToken)
    {
        var state = await index.GetStateAsync(userKey, cancellationToken);
        if (state?.LastSyncedAt is null)
        {
            // The first open waits for the first sync: there is nothing to show before it.
            await refresher.RefreshAsync(userKey).WaitAsync(cancellationToken);
            state = await index.GetStateAsync(userKey, cancellationToken);
        }
        else if (time.GetUtcNow() - (state.LastAttemptAt ?? state.LastSyncedAt) >= options.Value.RefreshInterval)
        {
            _ = refresher.RefreshAsync(userKey);
        }

        return await ViewAsync(userKey, direction, state, cancellationToken);
    }

    /// <summary>Syncs now (the pane's refresh), then answers like <see cref="GetThreadsAsync"/>.</summary>
    public async Task<ThreadsView> SyncNowAsync(string userKey, FollowUpDirection? direction, CancellationToken cancellationToken)
    {
        await refresher.RefreshAsync(userKey).WaitAsync(cancellationToken);
        return await ViewAsync(userKey, direction, await index.GetStateAsync(userKey, cancellationToken), cancellationToken);
    }

    private async Task<ThreadsView> ViewAsync(string userKey, FollowUpDirection? direction, MailboxSnapshot? state, CancellationToken cancellationToken)
    {
        var threads = await index.GetThreadsAsync(userKey, direction, cancellationToken);
        var stale = state?.LastErrorCode is not null;
        return new ThreadsView(threads.Threads, stale, threads.LastSyncedAt, NeverSynced: threads.ComputedAt is null);
    }
}
