using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Reminders;

/// <summary>
/// Claims of the due sweep: one statement marks up to a batch of rows whose <see cref="ReminderRow.SweepAt"/> has
/// passed with a new claim id and moves their <c>sweep_at</c> to the end of the lease. A sweep that dies leaves them to
/// be taken again when the lease ends; every later write of the sweep is conditional on its claim id.
/// PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so instances sweeping at once take disjoint rows without waiting on each
/// other. SQLite: the same statement without the lock clause; SQLite runs one writer at a time, and a SQLite
/// database serves one instance.
/// </summary>
internal static class ReminderClaims
{
    public static Task<int> ClaimAsync(FollowUpDbContext db, string claimId, DateTimeOffset now, DateTimeOffset leaseEnd, int batch, CancellationToken ct) =>
        DatabaseLocks.IsPostgres(db)
            ? db.Database.ExecuteSqlAsync($"""
                UPDATE reminders SET claim_id = {claimId}, sweep_at = {leaseEnd}
                WHERE (user_key, id) IN (
                    SELECT user_key, id FROM reminders WHERE sweep_at <= {now}
                    ORDER BY sweep_at LIMIT {batch} FOR UPDATE SKIP LOCKED)
                  AND sweep_at <= {now}
                """, ct)
            // SQLite stores instants as UTC ticks (the context's convention): raw SQL passes them the same way.
            : db.Database.ExecuteSqlAsync($"""
                UPDATE reminders SET claim_id = {claimId}, sweep_at = {leaseEnd.UtcTicks}
                WHERE (user_key, id) IN (
                    SELECT user_key, id FROM reminders WHERE sweep_at <= {now.UtcTicks}
                    ORDER BY sweep_at LIMIT {batch})
                  AND sweep_at <= {now.UtcTicks}
                """, ct);

    /// <summary>Gives a mailbox's claimed rows back untouched (no attempt counted), claimable again at <paramref name="at"/>.</summary>
    public static Task<int> ReleaseAsync(FollowUpDbContext db, string userKey, string claimId, DateTimeOffset at, CancellationToken ct) =>
        db.Set<ReminderRow>().Where(r => r.UserKey == userKey && r.ClaimId == claimId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.SweepAt, at).SetProperty(r => r.ClaimId, (string?)null), ct);

    /// <summary>The claim's rows, as they are now.</summary>
    public static Task<List<ReminderRow>> ClaimedAsync(FollowUpDbContext db, string claimId, CancellationToken ct) =>
        db.Set<ReminderRow>().AsNoTracking().Where(r => r.ClaimId == claimId).ToListAsync(ct);
}
