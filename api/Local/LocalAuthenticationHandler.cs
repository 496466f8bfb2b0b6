using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

using OutlookFollowUp.Auth;

namespace OutlookFollowUp.Local;

/// <summary>
/// Local mode's sign-in: every request is the one local user, holding the API scope and the admin role (the person
/// running the product on a laptop is its only user and its admin), so the same policies guard every route.
/// </summary>
internal sealed class LocalAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = UserKeys.NamedKeyScheme;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "Local user"),
                new Claim("scp", ApiPolicies.Scope),
                new Claim("roles", ApiPolicies.AdminRole),
                // The mailbox's user key: the sample and each pasted token apart.
                new Claim(UserKeys.NamedKeyClaim, LocalMode.UserKeyFor(configuration)),
            ],
            SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName)));
    }
}
