using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Notifications;

/// <summary>The <c>mailbox_sync_requests</c> table: one coalescing row per mailbox, claimed with expiring leases.</summary>
internal sealed class SyncRequestStore(FollowUpDbContext db)
{
    /// <summary>A claimed request: the generation the worker saw, so a request that comes during the sync is kept.</summary>
    public sealed record Claim(string UserKey, long Generation, int Reason, int FailedAttempts);

    /// <summary>
    /// Inserts the mailbox's row, or bumps its generation: concurrent requests coalesce on the key. A poller's request
    /// (periodic, reconcile) leaves an existing row as it is: a sync pending or running reads every change up to its
    /// own delta round, so no second sync is owed to it (two instances' pollers then cost one sync).
    /// </summary>
    public Task RequestAsync(string userKey, SyncRequestReason reason, DateTimeOffset now, CancellationToken ct)
    {
        var postgres = DatabaseLocks.IsPostgres(db);
        object at = postgres ? now.ToUniversalTime() : now.UtcTicks; // raw SQL skips the SQLite context's ticks converter
        if (Strength(reason) == 0)
        {
            return db.Database.ExecuteSqlAsync($"""
                INSERT INTO mailbox_sync_requests (user_key, requested_at, reason, generation, claimed_by, claimed_until, failed_attempts)
                VALUES ({userKey}, {at}, 0, 1, NULL, NULL, 0)
                ON CONFLICT (user_key) DO NOTHING
                """, ct);
        }

        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO mailbox_sync_requests (user_key, requested_at, reason, generation, claimed_by, claimed_until, failed_attempts)
            VALUES ({userKey}, {at}, {Strength(reason)}, 1, NULL, NULL, 0)
            ON CONFLICT (user_key) DO UPDATE SET
                requested_at = excluded.requested_at,
                generation = mailbox_sync_requests.generation + 1,
                reason = CASE WHEN excluded.reason > mailbox_sync_requests.reason THEN excluded.reason ELSE mailbox_sync_requests.reason END
            """, ct);
    }

    /// <summary>
    /// Claims up to <paramref name="count"/> requests no one holds: a conditional UPDATE per row, so with several
    /// instances on one PostgreSQL each row is claimed by one of them (the loser's UPDATE matches no row).
    /// </summary>
    public async Task<IReadOnlyList<Claim>> ClaimAsync(string owner, int count, DateTimeOffset now, TimeSpan lease, IReadOnlySet<string> skip, CancellationToken ct)
    {
        var candidates = await db.Set<SyncRequestRow>().AsNoTracking()
            .Where(r => r.ClaimedUntil == null || r.ClaimedUntil <= now)
            .OrderBy(r => r.RequestedAt).Take(count + skip.Count).Select(r => r.UserKey).ToListAsync(ct);
        var claims = new List<Claim>();
        foreach (var userKey in candidates.Where(k => !skip.Contains(k)).Take(count))
        {
            var until = now + lease;
            var won = await db.Set<SyncRequestRow>()
                .Where(r => r.UserKey == userKey && (r.ClaimedUntil == null || r.ClaimedUntil <= now))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedBy, owner).SetProperty(r => r.ClaimedUntil, until), ct);
            // Read after the claim: the sync starts after this read, so it covers every generation up to the one read.
            var row = won == 1
                ? await db.Set<SyncRequestRow>().AsNoTracking().FirstOrDefaultAsync(r => r.UserKey == userKey && r.ClaimedBy == owner, ct)
                : null;
            if (row is not null)
            {
                claims.Add(new Claim(row.UserKey, row.Generation, row.Reason, row.FailedAttempts));
            }
        }

        return claims;
    }

    /// <summary>After a good sync: the row goes, unless a newer request came meanwhile (then it is released for another sync).</summary>
    /// <returns>True when a newer request is waiting.</returns>
    /// <param name="nextAt">When the newer request may be claimed (the mailbox's sync spacing).</param>
    public async Task<bool> CompleteAsync(Claim claim, string owner, DateTimeOffset nextAt, CancellationToken ct)
    {
        var deleted = await db.Set<SyncRequestRow>()
            .Where(r => r.UserKey == claim.UserKey && r.ClaimedBy == owner && r.Generation == claim.Generation)
            .ExecuteDeleteAsync(ct);
        if (deleted == 1)
        {
            return false;
        }

        var released = await db.Set<SyncRequestRow>().Where(r => r.UserKey == claim.UserKey && r.ClaimedBy == owner)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.ClaimedUntil, nextAt)
                .SetProperty(r => r.FailedAttempts, 0), ct);
        return released == 1;
    }

    /// <summary>Given back untried (another instance was working on the mailbox): claimable again at <paramref name="at"/>, no failure counted.</summary>
    public Task DeferAsync(Claim claim, string owner, DateTimeOffset at, CancellationToken ct) =>
        db.Set<SyncRequestRow>().Where(r => r.UserKey == claim.UserKey && r.ClaimedBy == owner)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.ClaimedUntil, at), ct);

    /// <summary>After a failed sync: tried again after <paramref name="retryAt"/>, or dropped after too many failures.</summary>
    public async Task FailAsync(Claim claim, string owner, DateTimeOffset retryAt, bool giveUp, CancellationToken ct)
    {
        if (giveUp && await db.Set<SyncRequestRow>()
                .Where(r => r.UserKey == claim.UserKey && r.ClaimedBy == owner && r.Generation == claim.Generation)
                .ExecuteDeleteAsync(ct) == 1)
        {
            return;
        }

        await db.Set<SyncRequestRow>().Where(r => r.UserKey == claim.UserKey && r.ClaimedBy == owner)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.ClaimedUntil, retryAt)
                .SetProperty(r => r.FailedAttempts, r => r.FailedAttempts + 1), ct);
    }

    public Task<int> CountAsync(CancellationToken ct) => db.Set<SyncRequestRow>().CountAsync(ct);

    public Task DeleteUserAsync(string userKey, CancellationToken ct) =>
        db.Set<SyncRequestRow>().Where(r => r.UserKey == userKey).ExecuteDeleteAsync(ct);

    /// <summary>Stored strength, so that coalesced requests keep the strongest reason.</summary>
    internal static int Strength(SyncRequestReason reason) => reason switch
    {
        SyncRequestReason.Missed => 2,
        SyncRequestReason.Notification => 1,
        _ => 0,
    };
}
