using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Privacy;

/// <summary>DELETE /api/me: erase everything stored for the caller (reminders, dismissals, settings, the mail index).</summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMe(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/me").WithTags("Privacy").RequireAuthorization(ApiPolicies.User).RequireRateLimiting(RateLimiting.PerUser).InvalidatesThreads();
        group.MapDelete("/", DeleteMe);
        return group;
    }

    // Idempotent rather than one transaction: the index store runs its own, and a retry finishes what a failure left.
    internal static async Task<NoContent> DeleteMe(HttpContext http, IServiceProvider services, CancellationToken ct)
    {
        var userKey = http.User.RequireUserKey();
        var db = services.GetRequiredService<FollowUpDbContext>();
        await db.Reminders.Where(r => r.UserKey == userKey).ExecuteDeleteAsync(ct);
        await db.Dismissals.Where(d => d.UserKey == userKey).ExecuteDeleteAsync(ct);
        await db.UserSettings.Where(s => s.UserKey == userKey).ExecuteDeleteAsync(ct);
        await services.GetRequiredService<IThreadIndex>().DeleteUserAsync(userKey, ct);
        return TypedResults.NoContent();
    }
}
