using Microsoft.AspNetCore.Http.Features;

namespace OutlookFollowUp.Web;

/// <summary>The API's bodies are a few hundred bytes: anything past the limit is refused before it is read.</summary>
internal static class RequestLimits
{
    public const long MaxApiBodyBytes = 64 * 1024;

    public static WebApplication UseApiBodyLimit(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                return next(context);
            }

            // Graph's notification batches are larger; their route bounds them itself (Notifications.NotificationsApi).
            var limit = context.Request.Path.StartsWithSegments("/api/graph") ? Notifications.NotificationsApi.MaxBodyBytes : MaxApiBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            // Chunked bodies have no length up front: Kestrel stops them once they pass the limit.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            return next(context);
        });
        return app;
    }
}
