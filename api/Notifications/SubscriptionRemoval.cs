using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Notifications;

/// <summary>
/// <c>DELETE /api/me</c>'s part: the user's subscriptions are deleted at Graph (best effort: Graph drops them at expiry
/// anyway), and their rows and any pending sync request are always removed.
/// </summary>
public interface ISubscriptionRemoval
{
    Task DeleteUserAsync(string userKey, CancellationToken cancellationToken);
}

internal sealed partial class SubscriptionRemoval(
    SubscriptionStore subscriptions, SyncRequestStore syncs, IMailboxes mailboxes, ILogger<SubscriptionRemoval> logger) : ISubscriptionRemoval
{
    public async Task DeleteUserAsync(string userKey, CancellationToken cancellationToken)
    {
        foreach (var row in await subscriptions.ListUserAsync(userKey, cancellationToken))
        {
            if (row.SubscriptionId is not { } id)
            {
                continue;
            }

            try
            {
                await mailboxes.Subscriptions(userKey).DeleteAsync(id, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogNotDeleted(logger, userKey, row.Folder, ex.GetType().Name);
            }
        }

        await subscriptions.DeleteUserAsync(userKey, cancellationToken);
        await syncs.DeleteUserAsync(userKey, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the subscription of {UserKey} on {Folder} at Graph ({Failure}); it expires on its own")]
    private static partial void LogNotDeleted(ILogger logger, string userKey, string folder, string failure);
}
