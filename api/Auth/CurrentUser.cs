using System.Reflection;

namespace OutlookFollowUp.Auth;

/// <summary>
/// The caller, bound as a handler parameter on the routes behind <see cref="ApiPolicies.User"/> (which has already
/// refused a caller without a user key). <see cref="Key"/> scopes every stored row; <see cref="Tenant"/> scopes policy.
/// </summary>
public sealed record CurrentUser(string Key)
{
    public string Tenant => UserKeys.TenantOf(Key);

    /// <summary>Minimal API parameter binding: from the authenticated principal, never from the request.</summary>
    public static ValueTask<CurrentUser?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<CurrentUser?>(new CurrentUser(context.User.RequireUserKey()));
}
