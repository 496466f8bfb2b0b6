using OutlookFollowUp.Notifications;

namespace OutlookFollowUp.Local;

/// <summary>
/// Local mode serves one person per run. Subscription rows an earlier run made for another local user (another pasted
/// token, or the sample) are removed at start, so a notification of theirs is unknown here and ignored, never a sync of
/// their index with this run's token. Graph ends their subscriptions by itself when they expire.
/// </summary>
internal sealed partial class LocalSubscriptions(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<LocalSubscriptions> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var mine = LocalMode.UserKeyFor(configuration);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<SubscriptionStore>();
            foreach (var other in (await store.UserKeysAsync(cancellationToken)).Where(k => k != mine && LocalMode.IsLocalUserKey(k)))
            {
                await store.DeleteUserAsync(other, cancellationToken);
                LogRemoved(logger, other);
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The database out of reach (Storage:MigrateOnStart=false allows that at start): LocalMailboxes refuses them anyway.
            LogNotRemoved(logger, ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removed the subscriptions of {UserKey}, another local user than this run's")]
    private static partial void LogRemoved(ILogger logger, string userKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for other local users' subscriptions ({Failure}); their notifications are refused anyway")]
    private static partial void LogNotRemoved(ILogger logger, string failure);
}
