using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OutlookFollowUp.Auth;

/// <summary>
/// Local mode's sign-in: every request is the one local user, holding the API scope and the admin role (the person
/// running the product on a laptop is its only user and its admin), so the same policies guard every route.
/// </summary>
internal sealed class LocalAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Local";

    private static readonly ClaimsPrincipal LocalUser = new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "Local user"),
            new Claim("scp", ApiPolicies.Scope),
            new Claim("roles", ApiPolicies.AdminRole),
        ],
        SchemeName));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(LocalUser, SchemeName)));
}
