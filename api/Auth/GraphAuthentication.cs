using System.Security.Claims;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Auth;

/// <summary>The Graph credentials for one caller: OBO through Identity.Web, or null in local mode (the static token applies).</summary>
public interface IGraphAuthentication
{
    IMailboxTokenSource? For(ClaimsPrincipal user, Uri graphBaseUrl);
}

internal sealed class LocalGraphAuthentication : IGraphAuthentication
{
    public IMailboxTokenSource? For(ClaimsPrincipal user, Uri graphBaseUrl) => null;
}

internal sealed class OnBehalfOfGraphAuthentication(ITokenAcquisition tokens) : IGraphAuthentication
{
    public IMailboxTokenSource For(ClaimsPrincipal user, Uri graphBaseUrl) => new OnBehalfOfTokenSource(tokens, user, graphBaseUrl);
}

/// <summary>
/// Graph tokens on behalf of the caller (MSAL's OBO flow, cached in the database). Asks for "/.default" of the
/// configured Graph host, so the consented delegated permissions apply and sovereign clouds need no other code.
/// </summary>
internal sealed class OnBehalfOfTokenSource(ITokenAcquisition tokens, ClaimsPrincipal user, Uri graphBaseUrl) : IMailboxTokenSource
{
    private readonly string[] _scopes = [$"{graphBaseUrl.Scheme}://{graphBaseUrl.Host}/.default"];

    public async Task<string> GetTokenAsync(string? claims, CancellationToken cancellationToken)
    {
        var options = new TokenAcquisitionOptions { CancellationToken = cancellationToken, Claims = claims };
        try
        {
            return await tokens.GetAccessTokenForUserAsync(_scopes, user: user, tokenAcquisitionOptions: options);
        }
        catch (Exception ex) when ((ConsentRequired(ex) ?? SignInUnavailable(ex, cancellationToken)) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>
    /// The identity platform failed the token request without asking the user for anything: it could not be reached,
    /// timed out, or answered an error. Nothing the user can do but wait: the API answers 503 with Retry-After.
    /// </summary>
    internal static MailException? SignInUnavailable(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            var retryAfter = inner is MsalServiceException { Headers.RetryAfter: { } header } ? RetryAfterOf(header) : null;
            if (inner is MsalServiceException or HttpRequestException or OperationCanceledException or TimeoutException)
            {
                return new MailUnavailableException(
                    MailUnavailableReason.SignInUnavailable, "The sign-in service could not give a Microsoft Graph token.", exception, retryAfter);
            }
        }

        return null;
    }

    private static TimeSpan? RetryAfterOf(System.Net.Http.Headers.RetryConditionHeaderValue header) => header.Delta;

    /// <summary>
    /// Consent, MFA or a conditional-access claims challenge: MSAL says the user must act. The product's exception
    /// carries the claims, so the API can answer a 401 the pane hands to its sign-in library.
    /// </summary>
    internal static MailConsentRequiredException? ConsentRequired(Exception? exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            var msal = inner switch
            {
                MicrosoftIdentityWebChallengeUserException web => web.MsalUiRequiredException,
                MsalUiRequiredException ui => ui,
                _ => null,
            };
            if (msal is not null)
            {
                return new MailConsentRequiredException("Microsoft Graph needs consent or another sign-in step.", msal.Claims, exception);
            }
        }

        return null;
    }

    public override string ToString() => $"OnBehalfOfTokenSource({graphBaseUrl.Host})";
}
