using System.Security.Claims;
using Microsoft.Identity.Web;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Auth;

/// <summary>Who the caller is, for storage: every row is keyed by this.</summary>
public static class UserKeys
{
    /// <summary>
    /// "tid:oid" for an Entra user (an oid alone is not unique across tenants), the local mailbox's key for the local
    /// user (<see cref="LocalMode.UserKeyFor"/>), or null when the principal is not a user (no token, or an app-only token).
    /// </summary>
    public static string? GetUserKey(this ClaimsPrincipal user)
    {
        if (user.Identity is { IsAuthenticated: true, AuthenticationType: LocalAuthenticationHandler.SchemeName })
        {
            return user.FindFirst(LocalAuthenticationHandler.UserKeyClaim)?.Value;
        }

        var tenant = user.GetTenantId();
        var objectId = user.GetObjectId();
        return string.IsNullOrEmpty(tenant) || string.IsNullOrEmpty(objectId) ? null : $"{tenant}:{objectId}";
    }

    /// <summary>For the routes behind the user policy, which has already checked that a key exists.</summary>
    public static string RequireUserKey(this ClaimsPrincipal user) =>
        user.GetUserKey() ?? throw new InvalidOperationException("The user policy should have refused a caller without a user key.");

    public static string? GetTenant(this ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: LocalAuthenticationHandler.SchemeName } ? LocalMode.Tenant : user.GetTenantId();

    /// <summary>The tenant part of a user key ("tid:oid" → tid; the local user is its own tenant).</summary>
    public static string TenantOf(string userKey) =>
        userKey.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? userKey[..colon] : userKey;
}
