using System.Security.Claims;

namespace OutlookFollowUp.Auth;

/// <summary>The two authorization policies: every /api route needs the delegated scope; the admin routes also need the app role.</summary>
public static class ApiPolicies
{
    public const string User = "followup-user";
    public const string Admin = "followup-admin";
    public const string Scope = "access_as_user";
    public const string AdminRole = "FollowUp.Admin";

    // Tokens keep their short claim names (EntraIdSetup turns inbound mapping off), but both spellings of the scope are accepted.
    private static readonly string[] ScopeClaims = ["scp", "http://schemas.microsoft.com/identity/claims/scope"];

    // Only Entra's app-role claim: a singular "role" claim (or a mapped ClaimTypes.Role) never makes an admin.
    private const string RoleClaim = "roles";

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
        user.Claims.Any(c => c.Type == RoleClaim && string.Equals(c.Value, role, StringComparison.Ordinal));
}
