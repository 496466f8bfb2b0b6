using Microsoft.Extensions.Options;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Notifications;

/// <summary>
/// A user is active while their mailbox syncs: after each successful sync this adds the user's subscription rows if
/// they are missing (the worker then subscribes) and refreshes their activity. Never fails the sync.
/// </summary>
internal sealed partial class SubscriptionActivation(
    SubscriptionStore store, SubscriptionSignal signal, IOptions<NotificationOptions> options, TimeProvider time, ILogger<SubscriptionActivation> logger)
    : IMailboxSyncListener
{
    public async Task OnSyncedAsync(SyncedMailbox synced, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            if (await store.EnsureActiveAsync(synced.UserKey, GraphQuery.Folders, time.GetUtcNow(), cancellationToken))
            {
                signal.Signal.Set();
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, synced.UserKey, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record {UserKey} as active for change notifications ({Failure}); the next sync tries again")]
    private static partial void LogFailed(ILogger logger, string userKey, string failure);
}
