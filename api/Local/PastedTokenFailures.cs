using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OutlookFollowUp.Mail;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace OutlookFollowUp.Local;

/// <summary>What to say when Graph refuses the token pasted into <c>Graph:AccessToken</c>: retrying cannot fix it.</summary>
public static class PastedToken
{
    public const string HealthName = "graph";

    public const string Title = "The pasted Graph token was rejected or has expired.";

    public const string Detail =
        "Microsoft Graph refused the token in Graph:AccessToken (tokens from Graph Explorer last about an hour). Get a new one " +
        "(Graph Explorer → Access token, signed in with Mail.Read, MailboxSettings.Read and, for flags and drafts, Mail.ReadWrite) " +
        "and restart with --Graph:AccessToken \"<the new token>\" or the Graph__AccessToken environment variable.";

    /// <summary>
    /// Local mode with a pasted token: a 401 from Graph is this answer (a 401 ProblemDetails saying what to do), not the
    /// sign-in challenge Entra mode answers, and <c>/health/ready</c> says "token rejected" until a sync succeeds.
    /// Called before the API's own error handling is added, so this handler is asked first.
    /// </summary>
    public static IServiceCollection AddPastedTokenFailures(this IServiceCollection services, IConfiguration configuration)
    {
        if (LocalMode.IsEnabled(configuration) && LocalMode.UsesRealGraph(configuration))
        {
            services.AddSingleton(sp => new PastedTokenSource(configuration["Graph:AccessToken"]!.Trim(), sp.GetRequiredService<TimeProvider>()));
            services.AddExceptionHandler<PastedTokenFailureHandler>();
            services.AddHealthChecks().AddCheck<PastedTokenHealthCheck>(HealthName, tags: ["ready"]);
        }

        return services;
    }
}

internal sealed class PastedTokenFailureHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Find(exception) is not { } rejected)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = rejected,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = PastedToken.Title,
                Detail = PastedToken.Detail,
                Extensions = { ["graph"] = rejected.FailureCode == PastedTokenSource.Expired ? "token expired" : "token rejected" },
            },
        });
    }

    private static MailConsentRequiredException? Find(Exception exception) => exception switch
    {
        MailConsentRequiredException consent => consent,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        _ => null,
    };
}

/// <summary>Not ready while Graph refuses the pasted token: the product cannot read the mailbox until a new one is pasted.</summary>
internal sealed class PastedTokenHealthCheck(MailboxAccess access, IConfiguration configuration, PastedTokenSource pasted) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            pasted.IsExpired ? HealthCheckResult.Unhealthy("token expired")
            : access.IsRejected(LocalMode.UserKeyFor(configuration)) ? HealthCheckResult.Unhealthy("token rejected")
            : HealthCheckResult.Healthy("token accepted or not used yet"));
}
