using Microsoft.Extensions.Options;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Notifications;

/// <summary>
/// Carries out persisted sync requests: claims requested mailboxes (a lease that expires, so a crashed instance's
/// claims are taken over), syncs up to <see cref="NotificationOptions.SyncParallelism"/> at once through
/// <see cref="MailboxRefresher"/>, and clears each request only if no newer one came during its sync.
/// </summary>
internal sealed partial class SyncRequestWorker(
    IServiceScopeFactory scopes,
    MailboxRefresher refresher,
    SyncRequestSignal signal,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<SyncRequestWorker> logger) : BackgroundService
{
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Failed syncs of one request before it is dropped (the next notification or poll asks again).</summary>
    internal const int MaxAttempts = 5;

    /// <summary>This process, as the claim owner.</summary>
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private readonly Dictionary<string, Task> _running = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        Task? waiting = null; // one wait at a time, so no stale wait swallows a wake-up meant for the next
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var done in _running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
                {
                    _running.Remove(done);
                }

                var free = settings.SyncParallelism - _running.Count;
                IReadOnlyList<SyncRequestStore.Claim> claims = [];
                if (free > 0)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    claims = await scope.ServiceProvider.GetRequiredService<SyncRequestStore>()
                        .ClaimAsync(_owner, free, time.GetUtcNow(), Lease, _running.Keys.ToHashSet(StringComparer.Ordinal), stoppingToken);
                }

                foreach (var claim in claims)
                {
                    _running[claim.UserKey] = RunAsync(claim, stoppingToken);
                }

                if (claims.Count == 0 || claims.Count == free)
                {
                    // Nothing to claim, or no free slot: wait for a request here, a finished sync, or the poll.
                    waiting ??= signal.Signal.WaitAsync(settings.PollInterval, time, stoppingToken);
                    await Task.WhenAny([waiting, .. _running.Values]);
                    if (waiting.IsCompleted)
                    {
                        await waiting;
                        waiting = null;
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable: wait a poll, never stop the worker.
                LogLoopFailed(logger, ex.GetType().Name);
                await Task.Delay(settings.PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        await Task.WhenAll(_running.Values).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task RunAsync(SyncRequestStore.Claim claim, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            var ok = await refresher.RefreshAsync(claim.UserKey);
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<SyncRequestStore>();
            if (ok)
            {
                var spacing = options.Value.SyncSpacing;
                if (await store.CompleteAsync(claim, _owner, time.GetUtcNow() + spacing, CancellationToken.None))
                {
                    // A request came during the sync: another round once the spacing has passed.
                    _ = Task.Delay(spacing, time, ct).ContinueWith(_ => signal.Signal.Set(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                }

                return;
            }

            var attempts = claim.FailedAttempts + 1;
            var backoff = TimeSpan.FromSeconds(30 * Math.Pow(2, Math.Min(attempts - 1, 6)));
            if (refresher.RetryAfter(claim.UserKey) is { } wait && wait > backoff)
            {
                backoff = wait;
            }

            await store.FailAsync(claim, _owner, time.GetUtcNow() + backoff, attempts >= MaxAttempts, CancellationToken.None);
            LogSyncFailed(logger, claim.UserKey, attempts);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The lease expires and the request is claimed again.
            LogRunFailed(logger, claim.UserKey, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Requested sync of {UserKey} failed (attempt {Attempts}); retried with back-off")]
    private static partial void LogSyncFailed(ILogger logger, string userKey, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Requested sync of {UserKey} could not be recorded ({Failure}); its lease will expire")]
    private static partial void LogRunFailed(ILogger logger, string userKey, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sync request worker failed ({Failure}); retrying after the poll interval")]
    private static partial void LogLoopFailed(ILogger logger, string failure);
}
