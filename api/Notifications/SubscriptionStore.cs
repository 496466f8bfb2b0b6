using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Notifications;

/// <summary>The <c>mail_subscriptions</c> table: one row per user and watched folder, claimed with expiring leases.</summary>
internal sealed class SubscriptionStore(FollowUpDbContext db)
{
    /// <summary>Activity is written at most this often, so a busy mailbox's syncs do not each write.</summary>
    private static readonly TimeSpan ActivityGranularity = TimeSpan.FromHours(1);

    public sealed record Known(string SubscriptionId, string UserKey, string Folder, byte[]? ClientStateHash);

    /// <summary>Marks the user active: adds the rows that are missing (the worker then subscribes). True when rows were added.</summary>
    public Task<bool> EnsureActiveAsync(string userKey, IReadOnlyList<string> folders, DateTimeOffset now, CancellationToken ct) =>
        DatabaseLocks.WriteForUserAsync(db, "subscriptions:" + userKey, async c =>
        {
            var rows = await db.Set<SubscriptionRow>().Where(r => r.UserKey == userKey).ToListAsync(c);
            var missing = folders.Where(f => rows.All(r => r.Folder != f)).ToList();
            foreach (var folder in missing)
            {
                db.Add(new SubscriptionRow { UserKey = userKey, Folder = folder, NextActionAt = now, LastActiveAt = now });
            }

            foreach (var row in rows.Where(r => r.LastActiveAt < now - ActivityGranularity))
            {
                row.LastActiveAt = now;
            }

            await db.SaveChangesAsync(c);
            return missing.Count > 0;
        }, ct);

    /// <summary>The subscriptions with these ids (one query for a whole notification batch).</summary>
    public async Task<IReadOnlyList<Known>> FindAsync(IReadOnlyCollection<string> subscriptionIds, CancellationToken ct)
    {
        if (subscriptionIds.Count == 0)
        {
            return [];
        }

        return await db.Set<SubscriptionRow>().AsNoTracking()
            .Where(r => r.SubscriptionId != null && subscriptionIds.Contains(r.SubscriptionId))
            .Select(r => new Known(r.SubscriptionId!, r.UserKey, r.Folder, r.ClientStateHash)).ToListAsync(ct);
    }

    /// <summary>True when every folder of the user has a live subscription (notifications cover the mailbox).</summary>
    public async Task<bool> CoversAsync(string userKey, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Set<SubscriptionRow>().AsNoTracking().Where(r => r.UserKey == userKey)
            .Select(r => new { r.SubscriptionId, r.ExpiresAt }).ToListAsync(ct);
        return rows.Count > 0 && rows.All(r => r.SubscriptionId != null && r.ExpiresAt > now);
    }

    /// <summary>Claims rows whose next action is due, each by one instance (a conditional UPDATE per row).</summary>
    public async Task<IReadOnlyList<SubscriptionRow>> ClaimDueAsync(string owner, int count, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var due = await db.Set<SubscriptionRow>().AsNoTracking()
            .Where(r => r.NextActionAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil < now))
            .OrderBy(r => r.NextActionAt).Take(count).Select(r => new { r.UserKey, r.Folder }).ToListAsync(ct);
        var claimed = new List<SubscriptionRow>();
        foreach (var key in due)
        {
            var until = now + lease;
            var won = await db.Set<SubscriptionRow>()
                .Where(r => r.UserKey == key.UserKey && r.Folder == key.Folder && r.NextActionAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedBy, owner).SetProperty(r => r.ClaimedUntil, until), ct);
            if (won == 1 && await db.Set<SubscriptionRow>().AsNoTracking()
                    .FirstOrDefaultAsync(r => r.UserKey == key.UserKey && r.Folder == key.Folder && r.ClaimedBy == owner, ct) is { } row)
            {
                claimed.Add(row);
            }
        }

        return claimed;
    }

    /// <summary>Stores the worker's outcome and releases the claim; false when the row was deleted meanwhile.</summary>
    public async Task<bool> SaveAsync(SubscriptionRow row, string owner, CancellationToken ct) =>
        await db.Set<SubscriptionRow>().Where(r => r.UserKey == row.UserKey && r.Folder == row.Folder && r.ClaimedBy == owner)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.SubscriptionId, row.SubscriptionId)
                .SetProperty(r => r.ClientStateHash, row.ClientStateHash)
                .SetProperty(r => r.ExpiresAt, row.ExpiresAt)
                .SetProperty(r => r.NextActionAt, row.NextActionAt)
                .SetProperty(r => r.FailedAttempts, row.FailedAttempts)
                .SetProperty(r => r.LastError, row.LastError)
                .SetProperty(r => r.ClaimedBy, (string?)null)
                .SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null), ct) == 1;

    public Task DeleteAsync(string userKey, string folder, CancellationToken ct) =>
        db.Set<SubscriptionRow>().Where(r => r.UserKey == userKey && r.Folder == folder).ExecuteDeleteAsync(ct);

    /// <summary>Lifecycle: <c>reauthorizationRequired</c> → renew now.</summary>
    public Task<int> RenewNowAsync(string subscriptionId, DateTimeOffset now, CancellationToken ct) =>
        db.Set<SubscriptionRow>().Where(r => r.SubscriptionId == subscriptionId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.NextActionAt, now), ct);

    /// <summary>Lifecycle: <c>subscriptionRemoved</c> → forget the id and subscribe again now.</summary>
    public Task<int> RecreateNowAsync(string subscriptionId, DateTimeOffset now, CancellationToken ct) =>
        db.Set<SubscriptionRow>().Where(r => r.SubscriptionId == subscriptionId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.SubscriptionId, (string?)null)
                .SetProperty(r => r.ClientStateHash, (byte[]?)null)
                .SetProperty(r => r.ExpiresAt, (DateTimeOffset?)null)
                .SetProperty(r => r.NextActionAt, now), ct);

    public async Task<IReadOnlyList<SubscriptionRow>> ListUserAsync(string userKey, CancellationToken ct) =>
        await db.Set<SubscriptionRow>().AsNoTracking().Where(r => r.UserKey == userKey).ToListAsync(ct);

    /// <summary>Every user with a subscription row.</summary>
    public async Task<IReadOnlyList<string>> UserKeysAsync(CancellationToken ct) =>
        await db.Set<SubscriptionRow>().AsNoTracking().Select(r => r.UserKey).Distinct().ToListAsync(ct);

    public Task DeleteUserAsync(string userKey, CancellationToken ct) =>
        db.Set<SubscriptionRow>().Where(r => r.UserKey == userKey).ExecuteDeleteAsync(ct);
}
