using Microsoft.Extensions.Options;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Notifications;

/// <summary>
/// Keeps each active user's subscriptions alive: creates the missing ones, renews each before it expires (clamped by
/// the adapter when Graph refuses the lifetime), recreates one Graph removed, and deletes those of users no longer
/// active. Rows are claimed with expiring leases, so with several instances each renewal happens once; the claimed rows
/// are worked on side by side (<see cref="BackgroundOptions.MailboxConcurrency"/>), each under its mailbox lease.
/// </summary>
internal sealed partial class SubscriptionWorker(
    IServiceScopeFactory scopes,
    SubscriptionSignal signal,
    IOptions<NotificationOptions> options,
    IOptions<BackgroundOptions> background,
    MailboxLeases leases,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<SubscriptionWorker> logger) : BackgroundService
{
    /// <summary>What each subscription watches; <c>deleted</c> too, so a message removed by hand reaches its reminder.</summary>
    internal const string ChangeTypes = "created,updated,deleted";

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    internal static string Resource(string folder) => $"me/mailFolders('{folder}')/messages";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            // Local mode's usual case (Graph cannot reach localhost): its console stays one line.
            LogDisabled(logger, !Auth.AuthSetup.EntraIdConfigured(configuration) ? LogLevel.Debug : LogLevel.Information);
            return;
        }

        LogEnabled(logger, settings.NotificationUrl);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int claimed;
                do
                {
                    claimed = await RunOnceAsync(stoppingToken);
                }
                while (claimed > 0);

                await signal.Signal.WaitAsync(settings.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex.GetType().Name);
                await Task.Delay(settings.PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Claims the due rows and acts on each; returns how many it claimed.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var concurrency = background.Value.MailboxConcurrency;
        IReadOnlyList<SubscriptionRow> rows;
        await using (var scope = scopes.CreateAsyncScope())
        {
            rows = await scope.ServiceProvider.GetRequiredService<SubscriptionStore>().ClaimDueAsync(_owner, concurrency, time.GetUtcNow(), Lease, ct);
        }

        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (row, c) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await ActAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<SubscriptionStore>(), row, c);
        });
        return rows.Count;
    }

    private async Task ActAsync(IServiceProvider services, SubscriptionStore store, SubscriptionRow row, CancellationToken ct)
    {
        var settings = options.Value;
        await using var lease = await leases.AcquireAsync(row.UserKey, SyncRequestWorker.LeaseWait, ct);
        var now = time.GetUtcNow();
        if (lease is null)
        {
            // Another instance is working on this mailbox now: this row's turn comes a few seconds later, untouched.
            row.NextActionAt = now + SyncRequestWorker.Busy;
            await store.SaveAsync(row, _owner, CancellationToken.None);
            return;
        }

        IMailboxSubscriptions? graph = null;
        string? createdId = null;
        try
        {
            graph = services.GetRequiredService<IMailboxes>().Subscriptions(row.UserKey);
            if (row.LastActiveAt < now - settings.InactiveAfter)
            {
                if (row.SubscriptionId is { } stale)
                {
                    await graph.DeleteAsync(stale, ct);
                }

                await store.DeleteAsync(row.UserKey, row.Folder, ct);
                LogDropped(logger, row.UserKey, row.Folder);
                return;
            }

            var renewed = row.SubscriptionId is { } id ? await RenewAsync(graph, id, now + settings.SubscriptionLifetime, ct) : null;
            if (renewed is { } expiry)
            {
                row.ExpiresAt = expiry;
            }
            else
            {
                var clientState = ClientStates.Create();
                var created = await graph.CreateAsync(new MailSubscriptionRequest(
                    Resource(row.Folder), ChangeTypes, settings.NotificationUrl, settings.LifecycleUrl, clientState, now + settings.SubscriptionLifetime), ct);
                row.SubscriptionId = createdId = created.Id;
                row.ClientStateHash = ClientStates.Hash(clientState);
                row.ExpiresAt = created.Expiration;
            }

            row.FailedAttempts = 0;
            row.LastError = null;
            row.NextActionAt = NextRenewal(now, row.ExpiresAt.Value, settings.RenewBefore);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            row.FailedAttempts++;
            row.LastError = ex is MailException { Status: { } status } ? $"graph_http_{status}" : ex.GetType().Name;
            row.NextActionAt = now + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Min(row.FailedAttempts - 1, 6))));
            LogFailed(logger, row.UserKey, row.Folder, row.LastError, row.FailedAttempts);
        }

        if (!await store.SaveAsync(row, _owner, CancellationToken.None) && graph is not null && createdId is not null)
        {
            // The row went meanwhile (the user was erased): the subscription just made would outlive it.
            await DeleteOrphanAsync(graph, row, createdId, ct);
        }
    }

    private async Task DeleteOrphanAsync(IMailboxSubscriptions graph, SubscriptionRow row, string subscriptionId, CancellationToken ct)
    {
        try
        {
            await graph.DeleteAsync(subscriptionId, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogOrphanKept(logger, row.UserKey, row.Folder, ex.GetType().Name);
        }
    }

    /// <summary>The new expiration, or null when Graph no longer knows the subscription (then it is created anew).</summary>
    private static async Task<DateTimeOffset?> RenewAsync(IMailboxSubscriptions graph, string id, DateTimeOffset expiration, CancellationToken ct)
    {
        try
        {
            return await graph.RenewAsync(id, expiration, ct);
        }
        catch (MailNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Renew <paramref name="renewBefore"/> ahead of expiry, but never later than half-way through a short lifetime.</summary>
    internal static DateTimeOffset NextRenewal(DateTimeOffset now, DateTimeOffset expires, TimeSpan renewBefore)
    {
        var lifetime = expires - now;
        var margin = renewBefore < lifetime / 2 ? renewBefore : lifetime / 2;
        return expires - margin;
    }

    [LoggerMessage(Message = "Change notifications: off (Notifications:PublicBaseUrl is not set); mailboxes are synced by background polling alone")]
    private static partial void LogDisabled(ILogger logger, LogLevel level);

    [LoggerMessage(Level = LogLevel.Information, Message = "Change notifications: Graph posts to {Url}")]
    private static partial void LogEnabled(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription of {UserKey} on {Folder} dropped: the user is no longer active")]
    private static partial void LogDropped(ILogger logger, string userKey, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription of {UserKey} on {Folder} failed: {Code} (attempt {Attempts}); retried with back-off")]
    private static partial void LogFailed(ILogger logger, string userKey, string folder, string code, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription of {UserKey} on {Folder} was made as the user was erased and could not be deleted ({Failure}); it expires on its own")]
    private static partial void LogOrphanKept(ILogger logger, string userKey, string folder, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The subscription worker failed ({Failure}); retrying after the poll interval")]
    private static partial void LogLoopFailed(ILogger logger, string failure);
}
