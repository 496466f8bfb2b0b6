using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OutlookFollowUp.Local;

/// <summary>
/// Local mode (README.md, "Trying it with no tenant"): with no Entra ID configuration and in Development, the API serves one local user —
/// the built-in sample mailbox, or a real mailbox through a pasted Graph token. Every other environment refuses it,
/// and so does an address beyond loopback (<see cref="LocalBinding"/>).
/// </summary>
public static class LocalMode
{
    /// <summary>The tenant part of every local user key: the local user is its own tenant.</summary>
    public const string Tenant = "local";

    /// <summary>The sample mailbox's rows.</summary>
    public const string SampleUserKey = "local:sample";

    /// <summary>A row of a local user (the sample's or a pasted token's), as opposed to an Entra ID user's.</summary>
    public static bool IsLocalUserKey(string userKey) => userKey.StartsWith(Tenant + ":", StringComparison.Ordinal);

    public static bool IsEnabled(IConfiguration configuration) => !Auth.AuthSetup.EntraIdConfigured(configuration);

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
            ? $"{EnvironmentRefusal(environment.EnvironmentName)}; to serve your organization, set AzureAd:ClientId and AzureAd:TenantId (deploy/README.md)."
            : LocalBinding.RefusalReason(configuration);

    /// <summary>Why local mode does not run in <paramref name="environment"/>, and how to try it (as typed, it works).</summary>
    public static string EnvironmentRefusal(string environment) =>
        $"Local mode (no AzureAd:ClientId configured) runs only in Development, not in {environment}: to try the product locally, "
        + "start it with ASPNETCORE_ENVIRONMENT=Development (or --environment Development)";

    /// <summary>True when local mode reads a real mailbox with a pasted token rather than the sample mailbox.</summary>
    public static bool UsesRealGraph(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Graph:AccessToken"]);

    /// <summary>
    /// The key every stored row of the local user carries, one per mailbox so that the sample and each pasted-token
    /// mailbox never mix in the same data folder: <see cref="SampleUserKey"/>, or <c>local:token:</c> and a hash of the
    /// token's tenant and object id (the same person keeps their index when they paste a fresh token). A token whose
    /// payload cannot be read (not a JWT) is keyed by a hash of the whole token. The token itself is never stored.
    /// </summary>
    public static string UserKeyFor(IConfiguration configuration) =>
        configuration["Graph:AccessToken"] is { Length: > 0 } token ? TokenUserKey(token.Trim()) : SampleUserKey;

    public static string TokenUserKey(string token)
    {
        var identity = TokenIdentity(token) ?? token;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return $"{Tenant}:token:{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
    }

    /// <summary>"tid:oid" (or the upn) from a JWT's payload, read without validation: it only names the mailbox.</summary>
    private static string? TokenIdentity(string token) =>
        UnvalidatedJwt.ReadPayload(token, root =>
        {
            string? Claim(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return Claim("tid") is { Length: > 0 } tid && Claim("oid") is { Length: > 0 } oid ? $"{tid}:{oid}"
                : Claim("upn") ?? Claim("unique_name") ?? Claim("preferred_username");
        });
}
