using Microsoft.Extensions.Options;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Notifications;

/// <summary>
/// <c>DELETE /api/me</c>'s part: the user's subscription rows and any pending sync request are removed at once. The
/// subscriptions are deleted at Graph best effort (Graph drops them at expiry anyway, and their notifications find no
/// row): the deletes start inside the user's request, which with Entra ID holds the token they need, get half of
/// <see cref="GraphOptions.InteractiveBudget"/>, and finish in the background when Graph is slower.
/// </summary>
public interface ISubscriptionRemoval
{
    Task DeleteUserAsync(string userKey, CancellationToken cancellationToken);
}

internal sealed partial class SubscriptionRemoval(
    SubscriptionStore subscriptions,
    SyncRequestStore syncs,
    IMailboxes mailboxes,
    IGraphSessionStore sessions,
    IHostApplicationLifetime lifetime,
    IOptions<GraphOptions> graph,
    TimeProvider time,
    ILogger<SubscriptionRemoval> logger) : ISubscriptionRemoval
{
    public async Task DeleteUserAsync(string userKey, CancellationToken cancellationToken)
    {
        var ids = (await subscriptions.ListUserAsync(userKey, cancellationToken)).Select(r => r.SubscriptionId).OfType<string>().ToList();
        await subscriptions.DeleteUserAsync(userKey, cancellationToken);
        await syncs.DeleteUserAsync(userKey, cancellationToken);
        if (ids.Count == 0)
        {
            return;
        }

        // All at once, so that each gets its Graph token while the request is there; cancelled only when the app stops, so they may outlive it.
        var port = mailboxes.Subscriptions(userKey);
        var deletes = Task.WhenAll(ids.Select(id => DeleteAtGraphAsync(port, userKey, id, lifetime.ApplicationStopping)));
        try
        {
            await deletes.WaitAsync(graph.Value.InteractiveBudget / 2, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogStillRunning(logger, userKey);
            _ = EraseSessionAfterAsync(deletes, userKey);
        }
    }

    /// <summary>A token that came only after the caller erased the user's Graph session may have started one anew: it goes too.</summary>
    private async Task EraseSessionAfterAsync(Task deletes, string userKey)
    {
        await deletes; // each delete handles its own failure
        try
        {
            await sessions.DeleteUserAsync(userKey, lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            LogSessionNotDeleted(logger, userKey, ex.GetType().Name);
        }
    }

    private async Task DeleteAtGraphAsync(IMailboxSubscriptions port, string userKey, string subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            await port.DeleteAsync(subscriptionId, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotDeleted(logger, userKey, ex.GetType().Name);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping: the subscription expires on its own.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete a subscription of {UserKey} at Graph ({Failure}); it expires on its own")]
    private static partial void LogNotDeleted(ILogger logger, string userKey, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph is slow to delete the subscriptions of {UserKey}: the deletes go on in the background")]
    private static partial void LogStillRunning(ILogger logger, string userKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the Graph session of erased user {UserKey} ({Failure})")]
    private static partial void LogSessionNotDeleted(ILogger logger, string userKey, string failure);
}
