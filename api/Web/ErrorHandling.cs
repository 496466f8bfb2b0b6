using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace OutlookFollowUp.Web;

/// <summary>
/// Every error is ProblemDetails and none carries exception text: malformed requests become 400/413/415 through the
/// status-code pages, the mail ports' failures their own answers (api/Mail registers that handler), the database out of reach 503
/// (<see cref="StorageFailureHandler"/>), anything else a bare 500.
/// </summary>
internal static class ErrorHandling
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<StorageFailureHandler>();
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

