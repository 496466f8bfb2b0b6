using System.Security.Claims;
using Microsoft.Identity.Web;

namespace OutlookFollowUp.Auth;

/// <summary>Who the caller is, for storage: every row is keyed by this.</summary>
public static class UserKeys
{
    /// <summary>A sign-in that names the user key itself (local mode's one user), in <see cref="NamedKeyClaim"/>.</summary>
    public const string NamedKeyScheme = "Local";

    /// <summary>The claim holding the user key of a <see cref="NamedKeyScheme"/> sign-in.</summary>
    public const string NamedKeyClaim = "local_user_key";

    /// <summary>
    /// "tid:oid" for an Entra user (an oid alone is not unique across tenants), the key a <see cref="NamedKeyScheme"/>
    /// sign-in names (local mode's mailbox), or null when the principal is not a user (no token, or an app-only token).
    /// </summary>
    public static string? GetUserKey(this ClaimsPrincipal user)
    {
        if (NamedKey(user) is { } named)
        {
            return named;
        }

        var tenant = user.GetTenantId();
        var objectId = user.GetObjectId();
        return string.IsNullOrEmpty(tenant) || string.IsNullOrEmpty(objectId) ? null : $"{tenant}:{objectId}";
    }

    /// <summary>For the routes behind the user policy, which has already checked that a key exists.</summary>
    public static string RequireUserKey(this ClaimsPrincipal user) =>
        user.GetUserKey() ?? throw new InvalidOperationException("The user policy should have refused a caller without a user key.");

    /// <summary>An Entra user's tenant; for a <see cref="NamedKeyScheme"/> sign-in, its key's tenant part (the local user is its own tenant).</summary>
    public static string? GetTenant(this ClaimsPrincipal user) => NamedKey(user) is { } named ? TenantOf(named) : user.GetTenantId();

    private static string? NamedKey(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: NamedKeyScheme } ? user.FindFirst(NamedKeyClaim)?.Value : null;

    /// <summary>The tenant part of a user key ("tid:oid" → tid; the local user is its own tenant).</summary>
    public static string TenantOf(string userKey) =>
        userKey.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? userKey[..colon] : userKey;
}
