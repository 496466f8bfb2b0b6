using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace OutlookFollowUp.Auth;

/// <summary>
/// When Graph needs the user (consent, MFA, a conditional-access claims challenge), the OBO call fails with
/// MsalUiRequiredException. The pane can only act on a 401 whose WWW-Authenticate says what to ask for.
/// </summary>
internal sealed class AuthChallengeHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Find(exception) is not { } challenge)
        {
            return false;
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        var claims = challenge.Claims is { Length: > 0 } c ? Convert.ToBase64String(Encoding.UTF8.GetBytes(c)) : null;
        response.Headers.WWWAuthenticate = claims is not null
            ? $"Bearer error=\"insufficient_claims\", error_description=\"Sign in again to satisfy the tenant's policy\", claims=\"{claims}\""
            : $"Bearer error=\"interaction_required\", error_description=\"Consent or sign-in is needed to read mail\", scope=\"{ApiPolicies.Scope}\"";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Sign-in needs your action.",
                Detail = "Microsoft Graph needs consent or another sign-in step before your mail can be read.",
                Extensions = { ["claims"] = claims },
            },
        });
    }

    private static MsalUiRequiredException? Find(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            switch (exception)
            {
                case MicrosoftIdentityWebChallengeUserException web:
                    return web.MsalUiRequiredException;
                case MsalUiRequiredException msal:
                    return msal;
            }
        }

        return null;
    }
}
