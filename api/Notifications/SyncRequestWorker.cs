using Microsoft.Extensions.Options;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Notifications;

/// <summary>
/// Carries out persisted sync requests: claims requested mailboxes (a lease that expires, so a crashed instance's
/// claims are taken over), syncs up to <see cref="BackgroundOptions.MailboxConcurrency"/> at once through
/// <see cref="MailboxRefresher"/>, each under its mailbox lease (one instance at a time sends a mailbox's requests), and
/// clears each request only if no newer one came during its sync. A mailbox another instance is working on is given
/// back untried for a few seconds; a throttled one waits its Retry-After while the others go on.
/// </summary>
internal sealed partial class SyncRequestWorker(
    IServiceScopeFactory scopes,
    MailboxRefresher refresher,
    SyncRequestSignal signal,
    IOptions<NotificationOptions> options,
    IOptions<BackgroundOptions> background,
    MailboxLeases leases,
    TimeProvider time,
    ILogger<SyncRequestWorker> logger) : BackgroundService
{
    /// <summary>How long a mailbox another instance is working on is waited for, then how long until it is tried again.</summary>
    internal static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(2);

    internal static readonly TimeSpan Busy = TimeSpan.FromSeconds(5);

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

                var free = background.Value.MailboxConcurrency - _running.Count;
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
            await using var lease = await leases.AcquireAsync(claim.UserKey, LeaseWait, ct);
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<SyncRequestStore>();
            if (lease is null)
            {
                await store.DeferAsync(claim, _owner, time.GetUtcNow() + Busy, CancellationToken.None);
                WakeAfter(Busy, ct);
                return;
            }

            var ok = await refresher.RefreshAsync(claim.UserKey);
            if (ok)
            {
                var spacing = options.Value.SyncSpacing;
                if (await store.CompleteAsync(claim, _owner, time.GetUtcNow() + spacing, CancellationToken.None))
                {
                    // A request came during the sync: another round once the spacing has passed.
                    WakeAfter(spacing, ct);
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

    /// <summary>Looks for work again once <paramref name="delay"/> has passed (a request released until then).</summary>
    private void WakeAfter(TimeSpan delay, CancellationToken ct) =>
        _ = Task.Delay(delay, time, ct).ContinueWith(_ => signal.Signal.Set(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Requested sync of {UserKey} failed (attempt {Attempts}); retried with back-off")]
    private static partial void LogSyncFailed(ILogger logger, string userKey, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Requested sync of {UserKey} could not be recorded ({Failure}); its lease will expire")]
    private static partial void LogRunFailed(ILogger logger, string userKey, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sync request worker failed ({Failure}); retrying after the poll interval")]
    private static partial void LogLoopFailed(ILogger logger, string failure);
}
