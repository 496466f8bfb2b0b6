using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Index;

namespace OutlookFollowUp.Settings;

/// <summary>EF Core <see cref="ISettingsStore"/>; writes are one transaction under the per-user (or per-tenant) lock.</summary>
internal sealed class SettingsStore(FollowUpDbContext db, TimeProvider time) : ISettingsStore
{
    public async Task<UserSettings> GetAsync(string userKey, CancellationToken cancellationToken)
    {
        var row = await db.UserSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserKey == userKey, cancellationToken);
        if (row is not null)
        {
            return new UserSettings(row.WindowHours, row.BusinessDays, row.TimeZone, row.LookbackDays,
                StoredJson.Strings(row.ExcludedSenders), StoredJson.Strings(row.ExcludedDomains), row.SetOutlookFlags);
        }

        var policy = await GetPolicyAsync(UserKeys.TenantOf(userKey), cancellationToken);
        return new UserSettings(policy.DefaultWindowHours, false, null, DetectionOptions.DefaultLookbackDays, [], [], false);
    }

    public Task SaveAsync(string userKey, UserSettings settings, CancellationToken cancellationToken) =>
        WriteAsync(userKey, async ct =>
        {
            var row = await db.UserSettings.SingleOrDefaultAsync(s => s.UserKey == userKey, ct);
            if (row is null)
            {
                row = new UserSettingsRow { UserKey = userKey };
                db.UserSettings.Add(row);
            }

            row.WindowHours = settings.WindowHours;
            row.BusinessDays = settings.BusinessDays;
            row.TimeZone = settings.TimeZone;
            row.LookbackDays = settings.LookbackDays;
            row.ExcludedSenders = StoredJson.Strings(settings.ExcludedSenders) ?? "[]";
            row.ExcludedDomains = StoredJson.Strings(settings.ExcludedDomains) ?? "[]";
            row.SetOutlookFlags = settings.SetOutlookFlags;
            row.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }, cancellationToken);

    public async Task<EffectiveSettings> GetEffectiveAsync(string userKey, CancellationToken cancellationToken)
    {
        var settings = await GetAsync(userKey, cancellationToken);
        var policy = await GetPolicyAsync(UserKeys.TenantOf(userKey), cancellationToken);
        return new EffectiveSettings(
            policy.ClampWindow(settings.WindowHours),
            settings.BusinessDays,
            settings.TimeZone,
            settings.LookbackDays,
            settings.ExcludedSenders,
            [.. settings.ExcludedDomains.Union(policy.ExcludedDomains, StringComparer.OrdinalIgnoreCase)],
            settings.SetOutlookFlags);
    }

    public async Task<TenantPolicy> GetPolicyAsync(string tenantId, CancellationToken cancellationToken)
    {
        var row = await db.TenantPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.TenantId == tenantId, cancellationToken);
        return row is null
            ? TenantPolicy.Default
            : new TenantPolicy(row.DefaultWindowHours, row.MinWindowHours, row.MaxWindowHours, StoredJson.Strings(row.ExcludedDomains), row.RetentionDays);
    }

    public Task SavePolicyAsync(string tenantId, TenantPolicy policy, CancellationToken cancellationToken) =>
        WriteAsync("tenant:" + tenantId, async ct =>
        {
            var row = await db.TenantPolicies.SingleOrDefaultAsync(p => p.TenantId == tenantId, ct);
            if (row is null)
            {
                row = new TenantPolicyRow { TenantId = tenantId };
                db.TenantPolicies.Add(row);
            }

            row.DefaultWindowHours = policy.DefaultWindowHours;
            row.MinWindowHours = policy.MinWindowHours;
            row.MaxWindowHours = policy.MaxWindowHours;
            row.ExcludedDomains = StoredJson.Strings(policy.ExcludedDomains) ?? "[]";
            row.RetentionDays = policy.RetentionDays;
            row.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }, cancellationToken);

    private async Task WriteAsync(string lockKey, Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await DatabaseLocks.LockUserAsync(db, lockKey, cancellationToken);
            await write(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
