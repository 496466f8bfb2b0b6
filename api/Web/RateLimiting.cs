using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Auth;

namespace OutlookFollowUp.Web;

/// <summary>Section <c>RateLimit</c>: requests per user per window (token bucket refilled every window).</summary>
public sealed class RateLimitOptions
{
    public int PermitsPerWindow { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Per-user rate limiting on the /api group: 429 ProblemDetails with Retry-After.</summary>
internal static class RateLimiting
{
    public const string PerUser = "per-user";

    public static IServiceCollection AddPerUserRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimit")
            .Validate(o => o.PermitsPerWindow > 0 && o.Window > TimeSpan.Zero, "RateLimit: PermitsPerWindow and Window must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerUser, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                // Anonymous callers never reach a handler (the group requires a user); they share one bucket meanwhile.
                return RateLimitPartition.GetTokenBucketLimiter(context.User.GetUserKey() ?? "", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.PermitsPerWindow,
                    TokensPerPeriod = options.PermitsPerWindow,
                    ReplenishmentPeriod = options.Window,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = "Slow down and retry after the time in Retry-After." },
                });
            };
        });
        return services;
    }
}
