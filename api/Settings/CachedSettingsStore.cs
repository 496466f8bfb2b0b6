using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Auth;

namespace OutlookFollowUp.Settings;

/// <summary>Section <c>SettingsCache</c>. Zero turns the cache off.</summary>
public sealed class SettingsCacheOptions
{
    /// <summary>How long another instance's settings or policy write can go unseen; this instance's own writes clear it at once.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The effective settings (the user's row clamped by the tenant's policy) are read by every thread list and sync, and
/// change only when the user saves settings or an admin saves the policy. This keeps them in process (HybridCache)
/// under a per-user and a per-tenant tag; every write through this store drops the matching tag once it committed.
/// Other instances' writes are seen when the entry expires (<see cref="SettingsCacheOptions.TimeToLive"/>).
/// </summary>
internal sealed class CachedSettingsStore(SettingsStore inner, HybridCache cache, IOptions<SettingsCacheOptions> options) : ISettingsStore
{
    // In process only: the app's IDistributedCache is the MSAL token cache's table.
    private const HybridCacheEntryFlags LocalOnly = HybridCacheEntryFlags.DisableDistributedCache;

    public Task<UserSettings> GetAsync(string userKey, CancellationToken cancellationToken) => inner.GetAsync(userKey, cancellationToken);

    public async Task<UserSettings> GetEffectiveAsync(string userKey, CancellationToken cancellationToken)
    {
        var ttl = options.Value.TimeToLive;
        if (ttl <= TimeSpan.Zero)
        {
            return await inner.GetEffectiveAsync(userKey, cancellationToken);
        }

        var entry = new HybridCacheEntryOptions { Expiration = ttl, LocalCacheExpiration = ttl, Flags = LocalOnly };
        return await cache.GetOrCreateAsync("settings:effective:" + userKey, (inner, userKey),
            static (state, ct) => new ValueTask<UserSettings>(state.inner.GetEffectiveAsync(state.userKey, ct)),
            entry, [UserTag(userKey), TenantTag(UserKeys.TenantOf(userKey))], cancellationToken);
    }

    public async Task SaveAsync(string userKey, UserSettings settings, CancellationToken cancellationToken)
    {
        await inner.SaveAsync(userKey, settings, cancellationToken);
        await cache.RemoveByTagAsync(UserTag(userKey), CancellationToken.None);
    }

    public Task<TenantPolicy> GetPolicyAsync(string tenantId, CancellationToken cancellationToken) => inner.GetPolicyAsync(tenantId, cancellationToken);

    public async Task SavePolicyAsync(string tenantId, TenantPolicy policy, CancellationToken cancellationToken)
    {
        await inner.SavePolicyAsync(tenantId, policy, cancellationToken);
        await cache.RemoveByTagAsync(TenantTag(tenantId), CancellationToken.None);
    }

    public Task<IReadOnlyDictionary<string, int>> RetentionDaysAsync(CancellationToken cancellationToken) => inner.RetentionDaysAsync(cancellationToken);

    /// <summary>Read by every thread list (the Teams chat's message), so kept beside the effective settings, under the same tag.</summary>
    public async Task<string?> GetLanguageAsync(string userKey, CancellationToken cancellationToken)
    {
        var ttl = options.Value.TimeToLive;
        if (ttl <= TimeSpan.Zero)
        {
            return await inner.GetLanguageAsync(userKey, cancellationToken);
        }

        var entry = new HybridCacheEntryOptions { Expiration = ttl, LocalCacheExpiration = ttl, Flags = LocalOnly };
        // Wrapped: HybridCache would not keep a null, and most users have no language stored.
        var stored = await cache.GetOrCreateAsync("settings:language:" + userKey, (inner, userKey),
            static async (state, ct) => new StoredLanguage(await state.inner.GetLanguageAsync(state.userKey, ct)),
            entry, [UserTag(userKey)], cancellationToken);
        return stored.Language;
    }

    public async Task SetLanguageAsync(string userKey, string language, CancellationToken cancellationToken)
    {
        await inner.SetLanguageAsync(userKey, language, cancellationToken);
        await cache.RemoveByTagAsync(UserTag(userKey), CancellationToken.None);
    }

    public async Task SetChoicesAsync(string userKey, string? language, bool? allUnanswered, CancellationToken cancellationToken)
    {
        await inner.SetChoicesAsync(userKey, language, allUnanswered, cancellationToken);
        await cache.RemoveByTagAsync(UserTag(userKey), CancellationToken.None);
    }

    public Task<IReadOnlyList<(string UserKey, string? TimeZone)>> DigestRecipientsAsync(
        Func<CancellationToken, Task<IReadOnlyList<string>>> allUsers, CancellationToken cancellationToken) =>
        inner.DigestRecipientsAsync(allUsers, cancellationToken);

    public async Task DeleteUserAsync(string userKey, CancellationToken cancellationToken)
    {
        await inner.DeleteUserAsync(userKey, cancellationToken);
        await cache.RemoveByTagAsync(UserTag(userKey), CancellationToken.None);
    }

    [System.ComponentModel.ImmutableObject(true)]
    private sealed record StoredLanguage(string? Language);

    private static string UserTag(string userKey) => "settings-user:" + userKey;

    private static string TenantTag(string tenantId) => "settings-tenant:" + tenantId;
}
