using System.Security.Claims;

namespace OutlookFollowUp.Auth;

/// <summary>The two authorization policies: every /api route needs the delegated scope; the admin routes also need the app role.</summary>
public static class ApiPolicies
{
    public const string User = "followup-user";
    public const string Admin = "followup-admin";
    public const string Scope = "access_as_user";
    public const string AdminRole = "FollowUp.Admin";

    // Tokens keep their short claim names (Identity.Web does not map them), but both spellings are accepted.
    private static readonly string[] ScopeClaims = ["scp", "http://schemas.microsoft.com/identity/claims/scope"];
    private static readonly string[] RoleClaims = ["roles", ClaimTypes.Role];

    public static IServiceCollection AddApiPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(User, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsApiUser(c.User)))
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsApiUser(c.User) && HasRole(c.User, AdminRole)));
        return services;
    }

    /// <summary>The scope is granted and the caller has a user key (an app-only token has no oid: it is not a user).</summary>
    public static bool IsApiUser(ClaimsPrincipal user) =>
        user.GetUserKey() is not null
        && user.Claims.Any(c => ScopeClaims.Contains(c.Type) && c.Value.Split(' ').Contains(Scope, StringComparer.Ordinal));

    public static bool HasRole(ClaimsPrincipal user, string role) =>
        user.Claims.Any(c => RoleClaims.Contains(c.Type) && string.Equals(c.Value, role, StringComparison.Ordinal));
}
