using System.Collections.Concurrent;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Mail;

/// <summary>
/// Runs syncs, at most one at a time per user (a second caller joins the running one), each in its own DI scope so a
/// background refresh outlives the request that started it. Graph being unavailable is recorded, never thrown.
/// </summary>
public sealed partial class MailboxRefresher(
    IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, MailboxAccess access, ILogger<MailboxRefresher> logger)
{
    /// <summary>The failure code of a sync that Graph refused with a 401 (the token was rejected or has expired).</summary>
    public const string TokenRejected = "graph_token_rejected";

    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _running = new(StringComparer.Ordinal);

    /// <summary>Per user, when Graph said to come back (its Retry-After): no sync asks Graph before then.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _notBefore = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, MailException> _actionable = new(StringComparer.Ordinal);

    /// <summary>Syncs now (or joins a running sync); true when it succeeded, false at once while Graph asked to wait.</summary>
    public Task<bool> RefreshAsync(string userKey)
    {
        if (RetryAfter(userKey) is not null)
        {
            return Task.FromResult(false);
        }

        var run = _running.GetOrAdd(userKey, key => new Lazy<Task<bool>>(() => RunAsync(key)));
        return run.Value;
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

    private async Task<bool> RunAsync(string userKey)
    {
        try
        {
            // The app's stopping token, not a request's: a refresh the pane started keeps going if the pane closes.
            await using var scope = scopes.CreateAsyncScope();
            var ct = lifetime.ApplicationStopping;
            try
            {
                await scope.ServiceProvider.GetRequiredService<MailboxSync>().SyncAsync(userKey, ct);
                _notBefore.TryRemove(userKey, out _);
                _actionable.TryRemove(userKey, out _);
                access.Succeeded(userKey);
                return true;
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
            _running.TryRemove(userKey, out _);
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
}
