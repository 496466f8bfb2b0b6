using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Health;

public sealed record LiveResponse(string Status);

/// <param name="LastGraphSuccessAt">The latest good sync of any mailbox: informative only, since a Graph outage is served from the index.</param>
public sealed record ReadyResponse(string Status, string Database, DateTimeOffset? LastGraphSuccessAt);

/// <summary>/health/live (the process answers) and /health/ready (the database answers). Anonymous, not rate limited.</summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Ok(new LiveResponse("live")));
        group.MapGet("/ready", Ready);
        return group;
    }

    internal static async Task<Results<Ok<ReadyResponse>, ProblemHttpResult>> Ready(HttpContext http, FollowUpDbContext db, CancellationToken ct)
    {
        try
        {
            var last = await db.Mailboxes.MaxAsync(m => m.LastSyncedAt, ct);
            return TypedResults.Ok(new ReadyResponse("ready", "reachable", last));
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            http.Response.Headers.RetryAfter = "10";
            return TypedResults.Problem("The database cannot be reached.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready.");
        }
    }
}
