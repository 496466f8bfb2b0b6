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

    /// <summary>Syncs now (or joins a running sync); true when it succeeded.</summary>
    public Task<bool> RefreshAsync(string userKey)
    {
        var run = _running.GetOrAdd(userKey, key => new Lazy<Task<bool>>(() => RunAsync(key)));
        return run.Value;
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
                access.Succeeded(userKey);
                return true;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Anything else is recorded too, so the pane says "stale" instead of a background task failing unseen.
                var code = FailureCode(ex) ?? "sync_failed";
                if (code == TokenRejected)
                {
                    access.Rejected(userKey);
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
        MailConsentRequiredException => TokenRejected,
        MailException { Status: { } status } => $"graph_http_{status}",
        TimeoutException or TaskCanceledException => "graph_timeout",
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox sync for {UserKey} failed: {Code} ({Failure}); serving the last index")]
    private static partial void LogSyncFailed(ILogger logger, string userKey, string code, string failure);
}
