namespace OutlookFollowUp.Auth;

/// <summary>
/// Local mode: no Entra ID registration, one built-in user, for trying the product on a laptop (DESIGN.md, "anyone trying it").
/// It is on when <c>AzureAd:ClientId</c> is missing, and never in Production, where a missing registration stops the start.
/// </summary>
public static class LocalMode
{
    /// <summary>The single local user's key; no Entra user key ("tid:oid") can take this form.</summary>
    public const string UserKey = "local";

    /// <summary>The local user's tenant, for the admin policy row.</summary>
    public const string TenantId = "local";

    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment) =>
        !HasEntraId(configuration) && !environment.IsProduction();

    /// <summary>Why the app must not start, or null: one line an operator can act on.</summary>
    public static string? RefusalReason(IConfiguration configuration, IHostEnvironment environment) =>
        !HasEntraId(configuration) && environment.IsProduction()
            ? "Refusing to start: AzureAd:ClientId is not configured and the environment is Production. "
              + "Set AzureAd:Instance, AzureAd:TenantId, AzureAd:ClientId and a client credential (see deploy/README.md); "
              + "local mode without sign-in runs only outside Production (ASPNETCORE_ENVIRONMENT=Development)."
            : null;

    private static bool HasEntraId(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);
}
