using Microsoft.Extensions.Options;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.MailIndex;

namespace OutlookFollowUp.Mail;

/// <summary>The threads a user sees, from the index; refreshed from Graph when due, stale when Graph could not be read.</summary>
/// <param name="NeverSynced">Nothing could be read yet: callers answer 503 rather than an empty list that looks final.</param>
/// <param name="DismissedUpTo">The user's dismissals (rule 8), read with the threads.</param>
/// <param name="RetryAfter">How long Graph asked to wait before this mailbox is read again, when it asked.</param>
/// <param name="LastErrorCode">Why the last sync failed (<see cref="MailboxRefresher.TokenRejected"/>, say), when it did.</param>
public sealed record ThreadsView(
    IReadOnlyList<FollowUp> Threads, bool Stale, DateTimeOffset? LastSyncedAt, bool NeverSynced, IReadOnlyDictionary<string, DateTimeOffset>? DismissedUpTo = null,
    TimeSpan? RetryAfter = null, string? LastErrorCode = null);

public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>An index older than this is refreshed in the background while the current one is served.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Reads never wait on Graph longer than <see cref="GraphOptions.InteractiveBudget"/>: a sync that takes longer keeps
/// running in the background (the refresher's own scope) while the request answers with what the index holds, or 503.
/// </summary>
public sealed class MailboxService(
    IThreadIndex index, MailboxRefresher refresher, TimeProvider time, IOptions<SyncOptions> options, IOptions<GraphOptions> graph)
{
    /// <summary>The warm path is the thread read alone (one query); Graph is asked only when the index is missing or due.</summary>
    /// <param name="allUnanswered">Every unanswered thread (rule 9 off), else only those whose last message asks.</param>
    public async Task<ThreadsView> GetThreadsAsync(string userKey, FollowUpDirection? direction, bool allUnanswered, CancellationToken cancellationToken)
    {
        var threads = await index.GetThreadsAsync(userKey, direction, allUnanswered, cancellationToken);
        if (threads.LastSyncedAt is null)
        {
            // The first open waits for the first sync, within the budget: there is nothing to show before it.
            if (!await WaitForSyncAsync(userKey, cancellationToken))
            {
                throw new MailUnavailableException(
                    MailUnavailableReason.Timeout, "The first sync of the mailbox is still running.", retryAfter: graph.Value.InteractiveBudget);
            }

            if (refresher.LastActionableFailure(userKey) is { } failure)
            {
                throw failure; // consent or a permission: the user or an admin must act, waiting would not help
            }

            threads = await index.GetThreadsAsync(userKey, direction, allUnanswered, cancellationToken);
        }
        else if (time.GetUtcNow() - (threads.LastAttemptAt ?? threads.LastSyncedAt) >= options.Value.RefreshInterval)
        {
            _ = refresher.RefreshAsync(userKey);
        }

        return View(userKey, threads, stillSyncing: false);
    }

    /// <summary>Syncs now (the pane's refresh), then answers like <see cref="GetThreadsAsync"/>; stale when the sync outlasts the budget.</summary>
    public async Task<ThreadsView> SyncNowAsync(string userKey, FollowUpDirection? direction, bool allUnanswered, CancellationToken cancellationToken)
    {
        var finished = await WaitForSyncAsync(userKey, cancellationToken);
        return View(userKey, await index.GetThreadsAsync(userKey, direction, allUnanswered, cancellationToken), stillSyncing: !finished);
    }

    /// <summary>True when the sync ended (well or not) within the budget; false when it is still running in the background.</summary>
    private async Task<bool> WaitForSyncAsync(string userKey, CancellationToken cancellationToken)
    {
        try
        {
            await refresher.RefreshAsync(userKey).WaitAsync(graph.Value.InteractiveBudget, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Stale when the last attempt failed (or is still running): the threads are the last good index.</summary>
    private ThreadsView View(string userKey, IndexedThreads threads, bool stillSyncing) =>
        new(threads.Threads, Stale: stillSyncing || threads.LastErrorCode is not null, threads.LastSyncedAt, NeverSynced: threads.ComputedAt is null,
            threads.DismissedUpTo, refresher.RetryAfter(userKey), threads.LastErrorCode);
}
