namespace OutlookFollowUp.Local;

/// <summary>
/// Local mode (DESIGN.md): with no Entra ID configuration and in Development, the API serves one local user —
/// the built-in sample mailbox, or a real mailbox through a pasted Graph token. Every other environment refuses it,
/// and so does an address beyond loopback (<see cref="LocalBinding"/>).
/// </summary>
public static class LocalMode
{
    public const string UserKey = "local";

    public static bool IsEnabled(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);

    /// <summary>Stops the start outside Development without Entra ID: an open API on a real server must never happen by accident.</summary>
    public static void EnsureAllowed(IConfiguration configuration, IHostEnvironment environment)
    {
        if (RefusalReason(configuration, environment) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }
    }

    /// <summary>The one line to print when the start is refused, or null when local mode is fine (or off).</summary>
    public static string? RefusalReason(IConfiguration configuration, IHostEnvironment environment) =>
        !IsEnabled(configuration) ? null
        : !environment.IsDevelopment()
            ? $"Local mode (no AzureAd:ClientId configured) runs only in Development, not in {environment.EnvironmentName}: configure the AzureAd section " +
              "(Instance, TenantId, ClientId, Audience), or set ASPNETCORE_ENVIRONMENT=Development to try the product locally."
            : LocalBinding.RefusalReason(configuration);

    /// <summary>True when local mode reads a real mailbox with a pasted token rather than the sample mailbox.</summary>
    public static bool UsesRealGraph(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Graph:AccessToken"]);
}
