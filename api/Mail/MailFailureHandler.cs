using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using OutlookFollowUp.Auth;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace OutlookFollowUp.Mail;

/// <summary>
/// The one place where the mail ports' exceptions become answers: unavailable (Graph or the sign-in service) → 503 with
/// Retry-After (the pane waits and retries); consent needed → 401 whose WWW-Authenticate says what to ask for (the pane
/// hands it to MSAL); access denied → 403 naming the permission; not found or gone → 404; an unreadable answer or any
/// other refusal from Graph → 502. No Graph or sign-in failure is a bare 500.
/// </summary>
internal sealed class MailFailureHandler(IProblemDetailsService problems, ILogger<MailFailureHandler> logger) : IExceptionHandler
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var response = httpContext.Response;
        ProblemDetails problem;
        switch (Find(exception))
        {
            case MailConsentRequiredException consent:
                problem = Challenge(response, consent);
                break;
            case MailAccessDeniedException denied:
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "A permission is missing.",
                    Detail = $"This needs the {denied.RequiredPermission} permission for Microsoft Graph, which your organization has not granted. Ask an administrator to consent to it.",
                    Extensions = { ["permission"] = denied.RequiredPermission },
                };
                break;
            case MailNotFoundException or MailException { Status: StatusCodes.Status410Gone }:
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status404NotFound,
                    Title = "Not found in your mailbox.",
                    Detail = "The message is not in your mailbox any more. Refresh the list and try again.",
                };
                break;
            case var _ when IsOutage(exception, httpContext.RequestAborted, out var retryAfter):
                logger.LogWarning("Microsoft Graph unavailable: {Kind}", exception.GetType().Name);
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((retryAfter ?? DefaultRetryAfter).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                problem = Unavailable(Find(exception) as MailUnavailableException);
                break;
            case MailResponseException:
                logger.LogWarning("Microsoft Graph answered something unreadable: {Kind}", exception.InnerException?.GetType().Name);
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status502BadGateway,
                    Title = "Microsoft Graph answered something unreadable.",
                    Detail = "Microsoft Graph sent a response that could not be read. Try again; if it keeps happening, tell your administrator.",
                };
                break;
            case { Status: var status }:
                // Graph refused this request (a 400 or 409, say): nothing the user can fix by retrying at once.
                logger.LogWarning("Microsoft Graph refused the request: {Status}", status);
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status502BadGateway,
                    Title = "Microsoft Graph refused the request.",
                    Detail = status is null
                        ? "Microsoft Graph could not complete the request."
                        : $"Microsoft Graph answered {status} to this request. Refresh the list and try again.",
                    Extensions = { ["graphStatus"] = status },
                };
                break;
            default:
                return false;
        }

        response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>Says which service failed: Graph itself, or the sign-in service that gives its tokens.</summary>
    private static ProblemDetails Unavailable(MailUnavailableException? unavailable) => unavailable?.Reason switch
    {
        MailUnavailableReason.SignInUnavailable => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The sign-in service is unreachable.",
            Detail = "A token for Microsoft Graph could not be obtained from the Microsoft sign-in service just now. Try again shortly.",
        },
        MailUnavailableReason.Throttled => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Microsoft Graph is throttling your mailbox.",
            Detail = "Microsoft Graph asked to wait before your mail is used again. Try again after the time in Retry-After.",
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Microsoft Graph is unavailable.",
            Detail = "Your mail could not be read just now. Try again shortly.",
        },
    };

    private static ProblemDetails Challenge(HttpResponse response, MailConsentRequiredException consent)
    {
        var claims = consent.Claims is { } c ? Convert.ToBase64String(Encoding.UTF8.GetBytes(c)) : null;
        response.Headers.WWWAuthenticate = claims is not null
            ? $"Bearer error=\"insufficient_claims\", error_description=\"Sign in again to satisfy the tenant's policy\", claims=\"{claims}\""
            : $"Bearer error=\"interaction_required\", error_description=\"Consent or sign-in is needed to read mail\", scope=\"{ApiPolicies.Scope}\"";
        return new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "Sign-in needs your action.",
            Detail = "Microsoft Graph needs consent or another sign-in step before your mail can be read.",
            Extensions = { ["claims"] = claims },
        };
    }

    /// <summary>The mail failure itself, or the first one inside an aggregate (parallel calls).</summary>
    private static MailException? Find(Exception exception) => exception switch
    {
        MailException mail => mail,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        _ => null,
    };

    private static bool IsOutage(Exception exception, CancellationToken requestAborted, out TimeSpan? retryAfter)
    {
        retryAfter = (Find(exception) as MailUnavailableException)?.RetryAfter;
        return exception switch
        {
            MailUnavailableException => true,
            AggregateException a => a.InnerExceptions.Any(e => IsOutage(e, requestAborted, out _)),
            TimeoutException => true,
            // A cancellation the caller did not ask for is a timeout somewhere below.
            OperationCanceledException => !requestAborted.IsCancellationRequested,
            _ => false,
        };
    }
}
