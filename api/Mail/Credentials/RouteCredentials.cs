using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using OutlookFollowUp.Auth;

namespace OutlookFollowUp.Mail.Credentials;

/// <summary>
/// Graph tokens for the other routes of an answer (Teams chats, meetings), one token request per optional permission:
/// an on-behalf-of request that names a scope nobody consented to fails as a whole, so mail never asks for these, and a
/// refusal here only turns that route off (<see cref="MailConsentRequiredException"/>, which the route check reads as
/// "consent missing"). It never marks the user's session as needing a sign-in: mail goes on with it.
/// </summary>
internal sealed class RouteCredentials(ITokenAcquisition tokens, IGraphSessionStore sessions, IOptions<GraphModeOptions> mode)
{
    public bool AppOnly => mode.Value.IsApplication;

    /// <param name="permission">One delegated Graph permission, e.g. <c>Chat.Read</c>.</param>
    public IMailboxTokenSource ForSignedInUser(ClaimsPrincipal user, string userKey, Uri graphBaseUrl, string permission) =>
        new ScopedTokenSource(tokens, Scope(graphBaseUrl, permission), UserKeys.TenantOf(userKey), user, SessionKey: null);

    /// <summary>Work without the user: through their long-running session, asking for this permission alone.</summary>
    public IMailboxTokenSource ForAbsentUser(string userKey, Uri graphBaseUrl, string permission) =>
        new SessionScopedTokenSource(tokens, sessions, userKey, Scope(graphBaseUrl, permission));

    /// <summary>The application's own token (application mode): what the admin granted, scoped by Exchange.</summary>
    public IMailboxTokenSource ForApplication(string userKey, Uri graphBaseUrl) => new AppOnlyTokenSource(tokens, UserKeys.TenantOf(userKey), graphBaseUrl);

    internal static string Scope(Uri graphBaseUrl, string permission) => $"{graphBaseUrl.Scheme}://{graphBaseUrl.Host}/{permission}";

    private sealed record ScopedTokenSource(ITokenAcquisition Tokens, string Scope, string Tenant, ClaimsPrincipal? User, string? SessionKey) : IMailboxTokenSource
    {
        public async Task<string> GetTokenAsync(string? claims, CancellationToken cancellationToken)
        {
            try
            {
                var options = new TokenAcquisitionOptions { CancellationToken = cancellationToken, Claims = claims, LongRunningWebApiSessionKey = SessionKey };
                return User is not null
                    ? await Tokens.GetAccessTokenForUserAsync([Scope], JwtBearerDefaults.AuthenticationScheme, Tenant, userFlow: null, user: User, tokenAcquisitionOptions: options)
                    : await LongRunningTokenSource.WithoutAmbientRequest(() => Tokens.GetAccessTokenForUserAsync(
                        [Scope], JwtBearerDefaults.AuthenticationScheme, Tenant, userFlow: null, user: null, tokenAcquisitionOptions: options));
            }
            catch (Exception ex) when ((OnBehalfOfTokenSource.ConsentRequired(ex) ?? OnBehalfOfTokenSource.SignInUnavailable(ex, cancellationToken)) is { } failure)
            {
                throw failure;
            }
        }

        public override string ToString() => $"ScopedTokenSource({Scope})";
    }

    private sealed class SessionScopedTokenSource(ITokenAcquisition tokens, IGraphSessionStore sessions, string userKey, string scope) : IMailboxTokenSource
    {
        public async Task<string> GetTokenAsync(string? claims, CancellationToken cancellationToken) =>
            await sessions.GetUsableKeyAsync(userKey, cancellationToken) is { } key
                ? await new ScopedTokenSource(tokens, scope, UserKeys.TenantOf(userKey), User: null, key).GetTokenAsync(claims, cancellationToken)
                : throw new MailConsentRequiredException("There is no Graph session to act for the user while they are away.", claims: null, inner: null);

        public override string ToString() => $"SessionScopedTokenSource({scope})";
    }
}
