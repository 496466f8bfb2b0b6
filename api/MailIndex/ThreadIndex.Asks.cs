using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;


namespace OutlookFollowUp.MailIndex;

/// <summary>Rule 9 in the index: each message's verdict (kind only, never text), and the thread rows of both modes.</summary>
internal sealed partial class ThreadIndex
{
    public Task SetMailboxAsync(string userKey, IReadOnlyList<string> addresses, string? timeZone, CancellationToken cancellationToken) =>
        SetMailboxAsync(userKey, addresses, timeZone, displayName: null, cancellationToken);

    public Task ReplaceThreadsAsync(string userKey, IReadOnlyList<FollowUp> threads, DateTimeOffset computedAt, CancellationToken cancellationToken) =>
        ReplaceThreadsAsync(userKey, new ComputedThreads(threads, threads), computedAt, cancellationToken);

    public Task<IndexedThreads> GetThreadsAsync(string userKey, FollowUpDirection? direction, CancellationToken cancellationToken) =>
        GetThreadsAsync(userKey, direction, allUnanswered: true, cancellationToken);

    public Task SetAsksAsync(string userKey, IReadOnlyDictionary<string, AskVerdict> verdicts, CancellationToken cancellationToken) =>
        verdicts.Count == 0
            ? Task.CompletedTask
            : WriteAsync(userKey, async ct =>
            {
                // One statement per kind and chunk: a sync's verdicts share a handful of kinds.
                foreach (var kind in verdicts.GroupBy(v => StoredMapping.AskName(v.Value.Kind), StringComparer.Ordinal))
                {
                    foreach (var ids in kind.Select(v => v.Key).Chunk(Chunk))
                    {
                        await db.Set<IndexedMessage>().Where(m => m.UserKey == userKey && ids.Contains(m.Id))
                            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Asks, kind.Key), ct);
                    }
                }
            }, cancellationToken);

    /// <summary>
    /// One row per unanswered thread: those the default mode leaves out are marked, and where the default mode words
    /// the reason differently its reason is kept beside today's.
    /// </summary>
    private static List<ThreadSummary> SummaryRows(string userKey, ComputedThreads threads, DateTimeOffset computedAt)
    {
        var duplicate = threads.All.GroupBy(t => t.ThreadKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)
            ?? threads.Asking.GroupBy(t => t.ThreadKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Thread key '{duplicate.Key}' appears more than once.", nameof(threads));
        }

        var asking = threads.Asking.ToDictionary(t => t.ThreadKey, StringComparer.Ordinal);
        var all = threads.All.Select(t => t.ThreadKey).ToHashSet(StringComparer.Ordinal);
        if (asking.Keys.FirstOrDefault(k => !all.Contains(k)) is { } stray)
        {
            throw new ArgumentException($"Thread '{stray}' asks but is not among every unanswered thread: the default mode lists a part of them.", nameof(threads));
        }

        return [.. threads.All.Select(t =>
        {
            var row = t.ToSummary(userKey, computedAt);
            row.AsksNothing = !asking.TryGetValue(t.ThreadKey, out var listed);
            row.AskingReason = listed is not null && listed.Reason != t.Reason ? listed.Reason : null;
            return row;
        })];
    }
}
