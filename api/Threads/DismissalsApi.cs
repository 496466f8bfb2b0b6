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
        var group = routes.MapGroup("/api/threads/{threadKey}/dismiss").WithTags("Threads").RequireAuthorization(ApiPolicies.User).RequireRateLimiting(RateLimiting.PerUser).InvalidatesThreads().DecodesRouteValue("threadKey");
        group.MapPost("/", Dismiss).WithName("DismissThread").WithSummary("Hide a thread until a new message arrives in it.");
        group.MapDelete("/", Undo).WithName("UndoDismissal").WithSummary("Show a dismissed thread again.");
        return group;
    }

    public static async Task<Results<Ok<Dismissal>, NotFound>> Dismiss(string threadKey, CurrentUser caller, IDismissalStore store, CancellationToken ct) =>
        await store.DismissAsync(caller.Key, threadKey, ct) is { } dismissal ? TypedResults.Ok(dismissal) : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound>> Undo(string threadKey, CurrentUser caller, IDismissalStore store, CancellationToken ct) =>
        await store.UndoAsync(caller.Key, threadKey, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
