using System.Collections.Concurrent;
using OutlookFollowUp.MailIndex;

namespace OutlookFollowUp.Mail;

/// <summary>
/// Runs syncs, at most one at a time per user (a second caller joins the running one), each in its own DI scope so a
/// background refresh outlives the request that started it. Graph being unavailable is recorded, never thrown. An erase
/// of the user (<see cref="EraseAsync"/>) wins over the user's sync: it is cancelled and awaited first.
/// </summary>
public sealed partial class MailboxRefresher(
    IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, MailboxAccess access, ILogger<MailboxRefresher> logger)
{
    /// <summary>The failure code of a sync that Graph refused with a 401 (the token was rejected or has expired).</summary>
    public const string TokenRejected = "graph_token_rejected";

    private readonly ConcurrentDictionary<string, SyncRun> _running = new(StringComparer.Ordinal);

    /// <summary>Per user, when Graph said to come back (its Retry-After): no sync asks Graph before then.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _notBefore = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, MailException> _actionable = new(StringComparer.Ordinal);

    /// <summary>Users being erased (how many erases each), under <see cref="_gate"/> with the runs they stop.</summary>
    private readonly Dictionary<string, int> _erasing = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();

    /// <summary>Syncs now (or joins a running sync); true when it succeeded, false at once while Graph asked to wait or the user is being erased.</summary>
    public Task<bool> RefreshAsync(string userKey)
    {
        if (RetryAfter(userKey) is not null)
        {
            return Task.FromResult(false);
        }

        SyncRun run;
        lock (_gate)
        {
            if (_erasing.ContainsKey(userKey))
            {
                return Task.FromResult(false);
            }

            run = _running.GetOrAdd(userKey, key => new SyncRun(key, this, lifetime.ApplicationStopping));
        }

        return run.Completion;
    }

    /// <summary>
    /// Runs <paramref name="erase"/> with no sync of the user running in this process: one in flight is cancelled and
    /// awaited first (its writes would bring back part of what the erase removes), and none starts until the erase is
    /// over. Graph's hold (Retry-After) is forgotten with the rest, so the next read syncs at once, as for a new user.
    /// Another instance's sync is stopped by the index itself (<see cref="IThreadIndex.ForSync"/>).
    /// </summary>
    public async Task EraseAsync(string userKey, Func<CancellationToken, Task> erase, CancellationToken cancellationToken)
    {
        SyncRun? running;
        lock (_gate)
        {
            _erasing[userKey] = _erasing.GetValueOrDefault(userKey) + 1;
            running = _running.GetValueOrDefault(userKey);
        }

        try
        {
            if (running is not null)
            {
                await running.StopAsync().WaitAsync(cancellationToken);
            }

            await erase(cancellationToken);
            _notBefore.TryRemove(userKey, out _);
            scopes.CreateScope().ServiceProvider.GetService<IMailboxThrottleHolds>()?.Forget(userKey);
            _actionable.TryRemove(userKey, out _);
        }
        finally
        {
            lock (_gate)
            {
                if (--_erasing[userKey] == 0)
                {
                    _erasing.Remove(userKey);
                }
            }
        }
    }

    /// <summary>
    /// Why this user's last sync failed, when the user must act on it (consent, a permission): a first open answers
    /// with it rather than "unavailable", which waiting would not fix.
    /// </summary>
    public MailException? LastActionableFailure(string userKey) => _actionable.TryGetValue(userKey, out var failure) ? failure : null;

    /// <summary>What is left of the wait Graph asked for on this user's last sync; null when there is none.</summary>
    public TimeSpan? RetryAfter(string userKey)
    {
        var left = _notBefore.TryGetValue(userKey, out var at) ? at - time.GetUtcNow() : TimeSpan.Zero;
        return left > TimeSpan.Zero ? left : null;
    }

    private async Task<bool> RunAsync(string userKey, SyncRun run)
    {
        try
        {
            // The app's stopping token (and the erase's), not a request's: a refresh the pane started keeps going if the pane closes.
            var ct = run.Token;
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<MailboxSync>().SyncAsync(userKey, ct);
                _notBefore.TryRemove(userKey, out _);
                _actionable.TryRemove(userKey, out _);
                access.Succeeded(userKey);
                return true;
            }
            catch (Exception ex) when (run.Erased || ex is MailboxErasedException)
            {
                // The user was erased meanwhile (here, or on another instance): nothing of this sync is kept, nothing to record.
                LogErased(logger, userKey);
                return false;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Anything else is recorded too, so the pane says "stale" instead of a background task failing unseen.
                var code = FailureCode(ex) ?? "sync_failed";
                if (ex is MailConsentRequiredException)
                {
                    access.Rejected(userKey);
                }

                if (ex is MailConsentRequiredException or MailAccessDeniedException)
                {
                    _actionable[userKey] = (MailException)ex;
                }
                else
                {
                    _actionable.TryRemove(userKey, out _);
                }

                if (ex is MailUnavailableException { RetryAfter: { } wait } && wait > TimeSpan.Zero)
                {
                    // The next sync waits what Graph asked (the SDK's retries gave up rather than sleep a request past its budget).
                    _notBefore[userKey] = time.GetUtcNow() + wait;
                }

                LogSyncFailed(logger, userKey, code, ex.GetType().Name);
                await scope.ServiceProvider.GetRequiredService<IThreadIndex>().RecordFailureAsync(userKey, code, time.GetUtcNow(), ct);
                return false;
            }
        }
        finally
        {
            _running.TryRemove(KeyValuePair.Create(userKey, run));
            run.Finished();
        }
    }

    /// <summary>Failures that mean "Graph could not be read now": the index is served stale instead.</summary>
    private static string? FailureCode(Exception ex) => ex switch
    {
        MailUnavailableException unavailable => "graph_" + unavailable.Reason.ToString().ToLowerInvariant(),
        MailResponseException => "graph_bad_response",
        MailConsentRequiredException consent => consent.FailureCode ?? TokenRejected,
        MailException { Status: { } status } => $"graph_http_{status}",
        TimeoutException or TaskCanceledException => "graph_timeout",
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox sync for {UserKey} failed: {Code} ({Failure}); serving the last index")]
    private static partial void LogSyncFailed(ILogger logger, string userKey, string code, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox sync for {UserKey} stopped: the user's data was erased meanwhile")]
    private static partial void LogErased(ILogger logger, string userKey);

    /// <summary>One sync of one user: started by its first caller, stopped by an erase.</summary>
    private sealed class SyncRun
    {
        private readonly CancellationTokenSource _stop;
        private readonly Lazy<Task<bool>> _completion;
        private volatile bool _erased;

        public SyncRun(string userKey, MailboxRefresher refresher, CancellationToken stopping)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            _completion = new Lazy<Task<bool>>(() => refresher.RunAsync(userKey, this));
        }

        public Task<bool> Completion => _completion.Value;

        public CancellationToken Token => _stop.Token;

        public bool Erased => _erased;

        /// <summary>Cancels the sync for an erase; its task ends with false once the sync has let go of everything.</summary>
        public Task<bool> StopAsync()
        {
            _erased = true;
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It finished meanwhile.
            }

            return Completion;
        }

        public void Finished() => _stop.Dispose();
    }
}
