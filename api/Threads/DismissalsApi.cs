using Microsoft.AspNetCore.Http.HttpResults;
using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Threads;

/// <summary>POST/DELETE /api/threads/{threadKey}/dismiss: hide a thread until a new message arrives in it, and undo.</summary>
public static class DismissalsApi
{
    public static RouteGroupBuilder MapDismissals(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/threads/{threadKey}/dismiss").WithTags("Threads").RequireAuthorization(ApiPolicies.User).RequireRateLimiting(RateLimiting.PerUser).InvalidatesThreads();
        group.MapPost("/", Dismiss);
        group.MapDelete("/", Undo);
        return group;
    }

    public static async Task<Results<Ok<Dismissal>, NotFound>> Dismiss(string threadKey, HttpContext http, IDismissalStore store, CancellationToken ct) =>
        await store.DismissAsync(http.User.RequireUserKey(), threadKey, ct) is { } dismissal ? TypedResults.Ok(dismissal) : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound>> Undo(string threadKey, HttpContext http, IDismissalStore store, CancellationToken ct) =>
        await store.UndoAsync(http.User.RequireUserKey(), threadKey, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
