using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Routes;

/// <summary>Which mailboxes the background rounds sync for the other routes of an answer.</summary>
internal static class RouteChecks
{
    /// <summary>
    /// Users with waiting threads, unless both their routes are off (each refused): a chat or a meeting can answer their
    /// threads with no new mail, so their syncs, which check the routes, must not wait for one.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WaitingUsersAsync(FollowUpDbContext db, CancellationToken ct) =>
        await db.Set<ThreadSummary>().AsNoTracking().Select(t => t.UserKey).Distinct()
            .Where(u => !db.Set<RouteFactsRow>().Any(r => r.UserKey == u && r.TeamsState != null && r.CalendarState != null))
            .ToListAsync(ct);
}
