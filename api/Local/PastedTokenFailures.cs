using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OutlookFollowUp.Mail;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace OutlookFollowUp.Local;

/// <summary>
/// What to say when the token pasted into <c>Graph:AccessToken</c> cannot be used: past its <c>exp</c> (Graph is not
/// called), or refused by Graph. Retrying cannot fix either; a new token can.
/// </summary>
public static class PastedToken
{
    public const string HealthName = "graph";

    public const string ExpiredTitle = "The pasted Graph token has expired.";

    public const string RejectedTitle = "Microsoft Graph rejected the pasted token.";

    /// <summary>How to get going again, whatever was wrong with the token.</summary>
    public const string NewToken =
        "Get a new one (Graph Explorer → Access token, signed in with Mail.Read, MailboxSettings.Read and, for flags and drafts, " +
        "Mail.ReadWrite) and restart with --Graph:AccessToken \"<the new token>\" or the Graph__AccessToken environment variable.";

    public const string RejectedDetail =
        "Microsoft Graph refused the token in Graph:AccessToken (revoked, expired, or not a token for Graph). " + NewToken;

    public static string ExpiredDetail(DateTimeOffset? expiresAt) =>
        $"The token in Graph:AccessToken expired at {PastedTokenSource.Format(expiresAt)} (tokens from Graph Explorer last about an hour), "
        + $"so Microsoft Graph is not called with it. {NewToken}";

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

internal sealed class PastedTokenFailureHandler(IProblemDetailsService problems, PastedTokenSource pasted) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Find(exception) is not { } rejected)
        {
            return false;
        }

        var expired = rejected.FailureCode == PastedTokenSource.Expired;
        httpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = rejected,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = expired ? PastedToken.ExpiredTitle : PastedToken.RejectedTitle,
                Detail = expired ? PastedToken.ExpiredDetail(pasted.ExpiresAt) : PastedToken.RejectedDetail,
                Extensions = { ["graph"] = expired ? "token expired" : "token rejected" },
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
    /// <summary>The key of the sentence <c>/health/ready</c> says, besides the short description it puts in <c>graph</c>.</summary>
    public const string DetailKey = "detail";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            pasted.IsExpired ? Unhealthy("token expired", $"{PastedToken.ExpiredTitle} {PastedToken.ExpiredDetail(pasted.ExpiresAt)}")
            : access.IsRejected(LocalMode.UserKeyFor(configuration)) ? Unhealthy("token rejected", $"{PastedToken.RejectedTitle} {PastedToken.RejectedDetail}")
            : HealthCheckResult.Healthy("token accepted or not used yet"));

    private static HealthCheckResult Unhealthy(string state, string detail) =>
        HealthCheckResult.Unhealthy(state, data: new Dictionary<string, object> { [DetailKey] = detail });
}
