using Microsoft.AspNetCore.Http.HttpResults;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Digest;
using OutlookFollowUp.Mail;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Notifications;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Privacy;

/// <summary>DELETE /api/me: erase everything stored for the caller (reminders, dismissals, settings, the mail index, the digest's state, the Graph session, Graph subscriptions).</summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMe(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/me").WithTags("Privacy").RequireAuthorization(ApiPolicies.User).RequireRateLimiting(RateLimiting.PerUser).InvalidatesThreads();
        group.MapDelete("/", DeleteMe).WithName("DeleteMyData").WithSummary("Erase everything stored for the caller.");
        return group;
    }

    // Idempotent rather than one transaction: each feature's store runs its own, and a retry finishes what a failure left.
    // The user's sync in flight is stopped first: its writes would bring back a mailbox state with no messages.
    internal static async Task<NoContent> DeleteMe(
        CurrentUser caller, IReminderStore reminders, IDismissalStore dismissals, ISettingsStore settings, IThreadIndex index, IGraphSessionStore sessions,
        ISubscriptionRemoval subscriptions, IDigestStateStore digest, Routes.IRouteStore routes, MailboxRefresher refresher,
        Threads.PhoneCache phones, CancellationToken ct)
    {
        await refresher.EraseAsync(caller.Key, async c =>
        {
            await routes.DeleteUserAsync(caller.Key, c);
            await reminders.DeleteUserAsync(caller.Key, c);
            await dismissals.DeleteUserAsync(caller.Key, c);
            await settings.DeleteUserAsync(caller.Key, c);
            await index.DeleteUserAsync(caller.Key, c);
            await digest.DeleteUserAsync(caller.Key, c);
            await subscriptions.DeleteUserAsync(caller.Key, c);
            await sessions.DeleteUserAsync(caller.Key, c);
            await phones.ForgetUserAsync(caller.Key, c);
        }, ct);
        return TypedResults.NoContent();
    }
}
