using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Kiota.Abstractions;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Web;

/// <summary>
/// Every error is ProblemDetails and none carries exception text: malformed requests become 400/413/415 through the
/// status-code pages, Graph outages 503 with Retry-After, anything else a bare 500.
/// </summary>
internal static class ErrorHandling
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<GraphUnavailableHandler>();
        // A bad body is the client's error in every environment: a 400, not an exception page.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
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

/// <summary>Graph throttled, failing or slow past the SDK's retries: 503 with Retry-After, so the pane waits and retries.</summary>
internal sealed class GraphUnavailableHandler(IProblemDetailsService problems, ILogger<GraphUnavailableHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsGraphOutage(exception, httpContext.RequestAborted))
        {
            return false;
        }

        logger.LogWarning("Microsoft Graph unavailable: {Kind}", exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Microsoft Graph is unavailable.",
                Detail = "Your mail could not be read just now. Try again shortly.",
            },
        });
    }

    private static bool IsGraphOutage(Exception exception, CancellationToken requestAborted) => exception switch
    {
        GraphUnavailableException => true,
        ApiException { ResponseStatusCode: 429 or 502 or 503 or 504 } => true,
        AggregateException a => a.InnerExceptions.Any(e => IsGraphOutage(e, requestAborted)),
        TimeoutException => true,
        // A cancellation the caller did not ask for is a timeout somewhere below.
        OperationCanceledException => !requestAborted.IsCancellationRequested,
        _ => false,
    };
}
