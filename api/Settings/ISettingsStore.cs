namespace OutlookFollowUp.Settings;

/// <summary>User settings and tenant policies. Every user method touches only that user's row.</summary>
public interface ISettingsStore
{
    /// <summary>The user's settings, or the tenant's defaults when the user never saved any.</summary>
    Task<UserSettings> GetAsync(string userKey, CancellationToken cancellationToken);

    Task SaveAsync(string userKey, UserSettings settings, CancellationToken cancellationToken);

    /// <summary>The user's settings clamped by the tenant policy (window inside its bounds, its excluded domains added).</summary>
    Task<UserSettings> GetEffectiveAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>The tenant's policy, or the product defaults.</summary>
    Task<TenantPolicy> GetPolicyAsync(string tenantId, CancellationToken cancellationToken);

    Task SavePolicyAsync(string tenantId, TenantPolicy policy, CancellationToken cancellationToken);

    /// <summary>Each tenant with a policy, and its retention in days.</summary>
    Task<IReadOnlyDictionary<string, int>> RetentionDaysAsync(CancellationToken cancellationToken);

    /// <summary>The language the server writes to the user in (api/Localization), or null: never set, English.</summary>
    Task<string?> GetLanguageAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Stores the user's language alone: their detection settings (or the tenant's defaults they follow) stay as they are.</summary>
    Task SetLanguageAsync(string userKey, string language, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the language and rule 9's mode, each when given, in one write: like the language alone, the user's
    /// detection settings (or the tenant's defaults they follow) stay as they are.
    /// </summary>
    Task SetChoicesAsync(string userKey, string? language, bool? allUnanswered, CancellationToken cancellationToken);

    /// <summary>
    /// Who gets the morning digest, with their time zone setting: users who chose it, and users who never chose whose
    /// tenant's policy turns it on (<paramref name="allUsers"/> names them; asked only when a policy does).
    /// </summary>
    Task<IReadOnlyList<(string UserKey, string? TimeZone)>> DigestRecipientsAsync(
        Func<CancellationToken, Task<IReadOnlyList<string>>> allUsers, CancellationToken cancellationToken);

    Task DeleteUserAsync(string userKey, CancellationToken cancellationToken);
}
