using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;


namespace OutlookFollowUp.MailIndex;

internal sealed partial class ThreadIndex
{
    /// <summary>The stored answer "asked, nobody away": such a thread is not asked again while it stays waiting on them.</summary>
    private const string NothingToSay = "[]";

    public async Task<IReadOnlyList<FollowUp>> AwayToAskAsync(string userKey, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ThreadSummary>().AsNoTracking()
            .Where(t => t.UserKey == userKey && t.Direction == Theirs && (t.Away == null || t.Away != NothingToSay)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(t => t.Since).ThenBy(t => t.ThreadKey, StringComparer.Ordinal).Select(t => t.ToFollowUp())];
    }

    public Task SetAwayAsync(string userKey, IReadOnlyDictionary<string, IReadOnlyList<AwayMark>> away, CancellationToken cancellationToken) =>
        WriteAsync(userKey, async ct =>
        {
            // One statement per distinct value: most threads share "[]" (asked, nothing to say).
            foreach (var value in away.GroupBy(a => StoredMapping.StoredAway(a.Value), StringComparer.Ordinal))
            {
                foreach (var keys in value.Select(v => v.Key).Chunk(Chunk))
                {
                    await db.Set<ThreadSummary>()
                        .Where(t => t.UserKey == userKey && keys.Contains(t.ThreadKey) && t.Direction == Theirs && (t.Away == null || t.Away != NothingToSay))
                        .ExecuteUpdateAsync(u => u.SetProperty(t => t.Away, value.Key), ct);
                }
            }
        }, cancellationToken);
}
