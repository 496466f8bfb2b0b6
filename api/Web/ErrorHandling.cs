using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Web;

/// <summary>
/// Every error is ProblemDetails and none carries exception text: malformed requests become 400/413/415 through the
/// status-code pages, the mail ports' failures their own answers (<see cref="MailFailureHandler"/>), anything else a bare 500.
/// </summary>
internal static class ErrorHandling
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<MailFailureHandler>();
        // A body, query or route value the framework cannot bind is thrown, so that BadRequestHandler can name the field
        // in a ValidationProblem (in every environment: never an exception page).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        services.Configure<JsonOptions>(o =>
        {
            // A misspelt or unexpected field is refused rather than silently ignored.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
        return services;
    }

    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}

/// <summary>
/// The one place where the mail ports' exceptions become answers: unavailable → 503 with Retry-After (the pane waits and
/// retries); consent needed → 401 whose WWW-Authenticate says what to ask for (the pane hands it to MSAL); access denied
/// → 403 naming the permission; not found → 404.
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
            case MailNotFoundException:
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
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Microsoft Graph is unavailable.",
                    Detail = "Your mail could not be read just now. Try again shortly.",
                };
                break;
            default:
                return false;
        }

        response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

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
