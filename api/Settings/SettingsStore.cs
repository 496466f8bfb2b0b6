using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Settings;

/// <summary>EF Core <see cref="ISettingsStore"/>; writes are one transaction under the per-user (or per-tenant) lock.</summary>
/// <param name="defaults">The server's <c>Detection</c> section; absent, its defaults (rule 9 on).</param>
internal sealed class SettingsStore(FollowUpDbContext db, TimeProvider time, IOptions<DetectionDefaults>? defaults = null) : ISettingsStore
{
    private readonly bool _serverAllUnanswered = defaults?.Value.AllUnanswered ?? false;

    public async Task<UserSettings> GetAsync(string userKey, CancellationToken cancellationToken)
    {
        var row = await db.Set<UserSettingsRow>().AsNoTracking().SingleOrDefaultAsync(s => s.UserKey == userKey, cancellationToken);
        var mode = await db.Set<UserModeRow>().AsNoTracking().Where(m => m.UserKey == userKey).Select(m => (bool?)m.AllUnanswered).SingleOrDefaultAsync(cancellationToken);
        var settings = row is not null ? FromRow(row) : Defaults(await GetPolicyAsync(UserKeys.TenantOf(userKey), cancellationToken));
        return settings with { AllUnanswered = mode };
    }

    private static UserSettings FromRow(UserSettingsRow row) => new(row.WindowHours, row.BusinessDays, row.TimeZone, row.LookbackDays,
        StoredJson.Strings(row.ExcludedSenders), StoredJson.Strings(row.ExcludedDomains), row.SetOutlookFlags, row.Digest, ColleagueAnswers: row.ColleagueAnswers);

    /// <summary>A user who never saved settings: the tenant's default window, the documented defaults (docs/detection-rules.md), Outlook flags on.</summary>
    private static UserSettings Defaults(TenantPolicy policy) =>
        new(policy.DefaultWindowHours, false, null, DetectionOptions.DefaultLookbackDays, [], [], SetOutlookFlags: true);

    public Task SaveAsync(string userKey, UserSettings settings, CancellationToken cancellationToken) =>
        WriteAsync(userKey, async ct =>
        {
            var row = await db.Set<UserSettingsRow>().SingleOrDefaultAsync(s => s.UserKey == userKey, ct);
            if (row is null)
            {
                row = new UserSettingsRow { UserKey = userKey };
                db.Set<UserSettingsRow>().Add(row);
            }

            row.WindowHours = settings.WindowHours;
            row.BusinessDays = settings.BusinessDays;
            row.TimeZone = settings.TimeZone;
            row.LookbackDays = settings.LookbackDays;
            row.ExcludedSenders = StoredJson.Strings(settings.ExcludedSenders) ?? "[]";
            row.ExcludedDomains = StoredJson.Strings(settings.ExcludedDomains) ?? "[]";
            row.SetOutlookFlags = settings.SetOutlookFlags;
            row.Digest = settings.Digest;
            row.ColleagueAnswers = settings.ColleagueAnswers;
            row.UpdatedAt = time.GetUtcNow();
            if (settings.AllUnanswered is { } allUnanswered)
            {
                await SetModeAsync(userKey, allUnanswered, ct);
            }

            await db.SaveChangesAsync(ct);
        }, cancellationToken);

    public Task SetChoicesAsync(string userKey, string? language, bool? allUnanswered, CancellationToken cancellationToken) =>
        WriteAsync(userKey, async ct =>
        {
            if (language is not null)
            {
                await SetLanguageRowAsync(userKey, language, ct);
            }

            if (allUnanswered is { } mode)
            {
                await SetModeAsync(userKey, mode, ct);
            }

            await db.SaveChangesAsync(ct);
        }, cancellationToken);

    private async Task SetModeAsync(string userKey, bool allUnanswered, CancellationToken ct)
    {
        var mode = await db.Set<UserModeRow>().SingleOrDefaultAsync(m => m.UserKey == userKey, ct);
        if (mode is null)
        {
            mode = new UserModeRow { UserKey = userKey };
            db.Set<UserModeRow>().Add(mode);
        }

        mode.AllUnanswered = allUnanswered;
        mode.UpdatedAt = time.GetUtcNow();
    }

    // Compiled: the user's row, their mode and the tenant's policy (UNION ALL), read on every uncached thread list.
    private static readonly CompiledPerModel<Func<FollowUpDbContext, string, string, IAsyncEnumerable<SettingsPart>>> EffectiveParts =
        new(() => EF.CompileAsyncQuery((FollowUpDbContext db, string userKey, string tenant) =>
            db.Set<UserSettingsRow>().AsNoTracking().Where(s => s.UserKey == userKey)
                .Select(s => new SettingsPart
                {
                    IsPolicy = false, Window = s.WindowHours, BusinessDays = s.BusinessDays, TimeZoneOrTenant = s.TimeZone, LookbackOrMin = s.LookbackDays,
                    Senders = s.ExcludedSenders, Domains = s.ExcludedDomains, SetOutlookFlags = s.SetOutlookFlags, MaxWindow = 0, RetentionDays = 0,
                    IsMode = false, AllUnanswered = null, Colleague = s.ColleagueAnswers,
                })
                .Concat(db.Set<UserModeRow>().AsNoTracking().Where(m => m.UserKey == userKey)
                    .Select(m => new SettingsPart
                    {
                        IsPolicy = false, Window = 0, BusinessDays = false, TimeZoneOrTenant = null, LookbackOrMin = 0,
                        Senders = null, Domains = "[]", SetOutlookFlags = false, MaxWindow = 0, RetentionDays = 0,
                        IsMode = true, AllUnanswered = m.AllUnanswered, Colleague = null,
                    }))
                .Concat(db.Set<TenantPolicyRow>().AsNoTracking().Where(p => p.TenantId == tenant)
                    .Select(p => new SettingsPart
                    {
                        IsPolicy = true, Window = p.DefaultWindowHours, BusinessDays = false, TimeZoneOrTenant = p.TenantId, LookbackOrMin = p.MinWindowHours,
                        Senders = p.TenantId, Domains = p.ExcludedDomains, SetOutlookFlags = false, MaxWindow = p.MaxWindowHours, RetentionDays = p.RetentionDays,
                        IsMode = false, AllUnanswered = p.AllUnansweredDefault, Colleague = p.ColleagueAnswersDefault,
                    }))));

    public async Task<UserSettings> GetEffectiveAsync(string userKey, CancellationToken cancellationToken)
    {
        // One statement (UNION ALL of the user's row, their mode and the tenant's): this runs on every uncached thread list.
        var tenant = UserKeys.TenantOf(userKey);
        var parts = await EffectiveParts.For(db)(db, userKey, tenant).ToListAsync(cancellationToken);
        var policy = parts.FirstOrDefault(p => p.IsPolicy) is { } pp
            ? new TenantPolicy(pp.Window, pp.LookbackOrMin, pp.MaxWindow, StoredJson.Strings(pp.Domains), pp.RetentionDays, AllUnansweredDefault: pp.AllUnanswered)
            : TenantPolicy.Default;
        var mode = parts.FirstOrDefault(p => p.IsMode)?.AllUnanswered;
        var settings = parts.FirstOrDefault(p => !p.IsPolicy && !p.IsMode) is { } sp
            ? new UserSettings(sp.Window, sp.BusinessDays, sp.TimeZoneOrTenant, sp.LookbackOrMin, StoredJson.Strings(sp.Senders), StoredJson.Strings(sp.Domains), sp.SetOutlookFlags)
            : Defaults(policy);
        return settings with
        {
            // The user's choice, else the tenant's default, else on.
            ColleagueAnswers = parts.FirstOrDefault(p => !p.IsPolicy && !p.IsMode)?.Colleague ?? parts.FirstOrDefault(p => p.IsPolicy)?.Colleague ?? true,
            WindowHours = policy.ClampWindow(settings.WindowHours),
            ExcludedDomains = [.. settings.ExcludedDomains.Union(policy.ExcludedDomains, StringComparer.OrdinalIgnoreCase)],
            AllUnanswered = mode ?? policy.AllUnansweredDefault ?? _serverAllUnanswered,
        };
    }

    /// <summary>A user settings row or a tenant policy row in one shape, so both come back from one statement.</summary>
    private sealed class SettingsPart
    {
        public bool IsPolicy { get; init; }

        public int Window { get; init; }

        public bool BusinessDays { get; init; }

        public string? TimeZoneOrTenant { get; init; }

        public int LookbackOrMin { get; init; }

        public string? Senders { get; init; }

        public string Domains { get; init; } = "[]";

        public bool SetOutlookFlags { get; init; }

        public int MaxWindow { get; init; }

        public int RetentionDays { get; init; }

        public bool IsMode { get; init; }

        public bool? AllUnanswered { get; init; }

        public bool? Colleague { get; init; }
    }

    public async Task<IReadOnlyList<(string UserKey, string? TimeZone)>> DigestRecipientsAsync(
        Func<CancellationToken, Task<IReadOnlyList<string>>> allUsers, CancellationToken cancellationToken)
    {
        var chosen = await db.Set<UserSettingsRow>().AsNoTracking().Where(s => s.Digest != null)
            .Select(s => new { s.UserKey, s.Digest, s.TimeZone }).ToListAsync(cancellationToken);
        var users = chosen.Where(s => s.Digest == true).Select(s => (s.UserKey, s.TimeZone)).ToList();
        var byDefault = await db.Set<TenantPolicyRow>().AsNoTracking().Where(p => p.DigestDefault == true).Select(p => p.TenantId).ToListAsync(cancellationToken);
        if (byDefault.Count > 0)
        {
            var decided = chosen.Select(s => s.UserKey).ToHashSet(StringComparer.Ordinal);
            var tenants = byDefault.ToHashSet(StringComparer.Ordinal);
            var rest = (await allUsers(cancellationToken)).Where(u => !decided.Contains(u) && tenants.Contains(UserKeys.TenantOf(u))).ToList();
            var zones = await db.Set<UserSettingsRow>().AsNoTracking().Where(s => rest.Contains(s.UserKey))
                .ToDictionaryAsync(s => s.UserKey, s => s.TimeZone, StringComparer.Ordinal, cancellationToken);
            users.AddRange(rest.Select(u => (u, zones.GetValueOrDefault(u))));
        }

        return users;
    }

    public async Task<TenantPolicy> GetPolicyAsync(string tenantId, CancellationToken cancellationToken)
    {
        var row = await db.Set<TenantPolicyRow>().AsNoTracking().SingleOrDefaultAsync(p => p.TenantId == tenantId, cancellationToken);
        return row is null
            ? TenantPolicy.Default
            : new TenantPolicy(row.DefaultWindowHours, row.MinWindowHours, row.MaxWindowHours, StoredJson.Strings(row.ExcludedDomains), row.RetentionDays,
                row.DigestDefault ?? false, row.AllUnansweredDefault, row.ColleagueAnswersDefault ?? true);
    }

    public Task SavePolicyAsync(string tenantId, TenantPolicy policy, CancellationToken cancellationToken) =>
        WriteAsync("tenant:" + tenantId, async ct =>
        {
            var row = await db.Set<TenantPolicyRow>().SingleOrDefaultAsync(p => p.TenantId == tenantId, ct);
            if (row is null)
            {
                row = new TenantPolicyRow { TenantId = tenantId };
                db.Set<TenantPolicyRow>().Add(row);
            }

            row.DefaultWindowHours = policy.DefaultWindowHours;
            row.MinWindowHours = policy.MinWindowHours;
            row.MaxWindowHours = policy.MaxWindowHours;
            row.ExcludedDomains = StoredJson.Strings(policy.ExcludedDomains) ?? "[]";
            row.RetentionDays = policy.RetentionDays;
            row.DigestDefault = policy.DigestDefault;
            row.AllUnansweredDefault = policy.AllUnansweredDefault;
            row.ColleagueAnswersDefault = policy.ColleagueAnswersDefault;
            row.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }, cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> RetentionDaysAsync(CancellationToken cancellationToken) =>
        await db.Set<TenantPolicyRow>().AsNoTracking()
            .ToDictionaryAsync(p => p.TenantId, p => p.RetentionDays, StringComparer.Ordinal, cancellationToken);

    public Task<string?> GetLanguageAsync(string userKey, CancellationToken cancellationToken) =>
        db.Set<UserLanguageRow>().AsNoTracking().Where(l => l.UserKey == userKey).Select(l => (string?)l.Language).SingleOrDefaultAsync(cancellationToken);

    public Task SetLanguageAsync(string userKey, string language, CancellationToken cancellationToken) =>
        SetChoicesAsync(userKey, language, allUnanswered: null, cancellationToken);

    private async Task SetLanguageRowAsync(string userKey, string language, CancellationToken ct)
    {
        var row = await db.Set<UserLanguageRow>().SingleOrDefaultAsync(l => l.UserKey == userKey, ct);
        if (row is null)
        {
            row = new UserLanguageRow { UserKey = userKey, Language = language };
            db.Set<UserLanguageRow>().Add(row);
        }

        row.Language = language;
        row.UpdatedAt = time.GetUtcNow();
    }

    public Task DeleteUserAsync(string userKey, CancellationToken cancellationToken) =>
        WriteAsync(userKey, async ct =>
        {
            await db.Set<UserSettingsRow>().Where(s => s.UserKey == userKey).ExecuteDeleteAsync(ct);
            await db.Set<UserLanguageRow>().Where(l => l.UserKey == userKey).ExecuteDeleteAsync(ct);
            await db.Set<UserModeRow>().Where(m => m.UserKey == userKey).ExecuteDeleteAsync(ct);
        }, cancellationToken);

    private Task WriteAsync(string lockKey, Func<CancellationToken, Task> write, CancellationToken cancellationToken) =>
        DatabaseLocks.WriteForUserAsync(db, lockKey, write, cancellationToken);
}
