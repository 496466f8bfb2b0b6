namespace OutlookFollowUp.Web;

/// <summary>What every endpoint shares: ProblemDetails errors, strict JSON, per-user rate limits, OpenAPI, security headers, body limits.</summary>
public static class ApiPlatform
{
    public static IServiceCollection AddApiPlatform(this IServiceCollection services)
    {
        ValidationMessages.Configure();
        services.AddApiErrors();
        services.AddPerUserRateLimiting();
        services.AddOpenApi();
        return services;
    }

    /// <summary>The middleware that comes before static files and endpoints, in order.</summary>
    public static WebApplication UseApiPlatform(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseApiErrors();
        app.UseApiBodyLimit();
        return app;
    }
}
