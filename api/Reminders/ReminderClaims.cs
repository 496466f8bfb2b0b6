using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Reminders;

/// <summary>
/// Claims of the due sweep: one statement takes the earliest due rows, up to a batch, together with every other due row
/// of their mailboxes, marks them with a new claim id and moves their <see cref="ReminderRow.SweepAt"/> to the end of the
/// lease. Whole mailboxes, so instances sweeping at once share the work by mailbox and never wait on each other's
/// mailboxes. A sweep that dies leaves its rows to be taken again when the lease ends; every later write of the sweep is
/// conditional on its claim id. PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so instances claiming at once take disjoint
/// rows without waiting on each other. SQLite: the same without the lock clause; SQLite runs one writer at a time, and a
/// SQLite database serves one instance.
/// </summary>
internal static class ReminderClaims
{
    public static Task<int> ClaimAsync(FollowUpDbContext db, string claimId, DateTimeOffset now, DateTimeOffset leaseEnd, int batch, CancellationToken ct) =>
        DatabaseLocks.IsPostgres(db)
            // Every row updated is one this statement locked itself: two instances claiming at once never wait on each
            // other (a mailbox's rows another claim holds are skipped, and the lease sorts out who sweeps them first).
            ? db.Database.ExecuteSqlAsync($"""
                WITH picked AS (
                    SELECT user_key FROM reminders WHERE sweep_at <= {now}
                    ORDER BY sweep_at LIMIT {batch} FOR UPDATE SKIP LOCKED),
                mailbox_rows AS (
                    SELECT user_key, id FROM reminders
                    WHERE sweep_at <= {now} AND user_key IN (SELECT user_key FROM picked) FOR UPDATE SKIP LOCKED)
                UPDATE reminders SET claim_id = {claimId}, sweep_at = {leaseEnd}
                WHERE (user_key, id) IN (SELECT user_key, id FROM mailbox_rows)
                """, ct)
            // SQLite stores instants as UTC ticks (the context's convention): raw SQL passes them the same way.
            : db.Database.ExecuteSqlAsync($"""
                UPDATE reminders SET claim_id = {claimId}, sweep_at = {leaseEnd.UtcTicks}
                WHERE sweep_at <= {now.UtcTicks} AND user_key IN (
                    SELECT user_key FROM reminders WHERE sweep_at <= {now.UtcTicks}
                    ORDER BY sweep_at LIMIT {batch})
                """, ct);

    /// <summary>Gives a mailbox's claimed rows back untouched (no attempt counted), claimable again at <paramref name="at"/>.</summary>
    public static Task<int> ReleaseAsync(FollowUpDbContext db, string userKey, string claimId, DateTimeOffset at, CancellationToken ct) =>
        db.Set<ReminderRow>().Where(r => r.UserKey == userKey && r.ClaimId == claimId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.SweepAt, at).SetProperty(r => r.ClaimId, (string?)null), ct);

    /// <summary>The claim's rows, as they are now.</summary>
    public static Task<List<ReminderRow>> ClaimedAsync(FollowUpDbContext db, string claimId, CancellationToken ct) =>
        db.Set<ReminderRow>().AsNoTracking().Where(r => r.ClaimId == claimId).ToListAsync(ct);
}
