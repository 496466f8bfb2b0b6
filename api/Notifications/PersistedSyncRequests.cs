using System.Threading.Channels;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Notifications;

/// <summary>Wakes a background worker at once; many wake-ups before it runs are one.</summary>
internal sealed class WorkSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Set() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when set (and clears it) or when <paramref name="timeout"/> passes on the app's clock.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, time, wait.Token);
        var read = _channel.Reader.WaitToReadAsync(wait.Token).AsTask();
        await Task.WhenAny(delay, read);
        await wait.CancelAsync();
        _channel.Reader.TryRead(out _);
        ct.ThrowIfCancellationRequested();
    }
}

/// <summary>Signals for the two workers (singletons, so a request on this instance starts work on this instance at once).</summary>
internal sealed class SyncRequestSignal
{
    public WorkSignal Signal { get; } = new();
}

internal sealed class SubscriptionSignal
{
    public WorkSignal Signal { get; } = new();
}

/// <summary>
/// Sync requests persisted in <c>mailbox_sync_requests</c>, one row per mailbox, carried out by
/// <see cref="SyncRequestWorker"/>: a burst of notifications for one mailbox costs a sync or two, and with several
/// instances each request is carried out once. A periodic request for a mailbox whose subscriptions are live is
/// dropped: the notifications already say when it changes.
/// </summary>
/// <remarks>
/// Concurrent requests for one mailbox in this process share writes: a caller joins the next write that has not
/// started yet (so it is stored after the caller arrived), and at most one more waits behind the running one. A burst
/// of 500 notifications is then a handful of upserts, not 500 queued on the database.
/// </remarks>
internal sealed class PersistedSyncRequests(
    IServiceScopeFactory scopes, SyncRequestSignal signal, TimeProvider time) : IMailboxSyncRequests
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    public async Task RequestAsync(string userKey, SyncRequestReason reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        if (reason == SyncRequestReason.Periodic && await CoveredAsync(userKey, cancellationToken))
        {
            return;
        }

        Task write;
        lock (_lock)
        {
            if (!_pending.TryGetValue(userKey, out var pending))
            {
                pending = new Pending();
                _pending[userKey] = pending;
            }

            if (pending.Next is { } next && !next.Started)
            {
                next.Strength = Math.Max(next.Strength, SyncRequestStore.Strength(reason));
                write = next.Done.Task;
            }
            else
            {
                var queued = new Write { Strength = SyncRequestStore.Strength(reason) };
                var previous = pending.Next?.Done.Task ?? Task.CompletedTask;
                pending.Next = queued;
                write = queued.Done.Task;
                _ = RunAfterAsync(userKey, pending, queued, previous);
            }
        }

        await write.WaitAsync(cancellationToken);
    }

    private async Task<bool> CoveredAsync(string userKey, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubscriptionStore>().CoversAsync(userKey, time.GetUtcNow(), ct);
    }

    private async Task RunAfterAsync(string userKey, Pending pending, Write write, Task previous)
    {
        await previous.ContinueWith(_ => { }, TaskScheduler.Default);
        lock (_lock)
        {
            write.Started = true;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reason = write.Strength switch { 2 => SyncRequestReason.Missed, 1 => SyncRequestReason.Notification, _ => SyncRequestReason.Periodic };
            await scope.ServiceProvider.GetRequiredService<SyncRequestStore>().RequestAsync(userKey, reason, time.GetUtcNow(), CancellationToken.None);
            signal.Signal.Set();
            write.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            write.Done.TrySetException(ex);
        }
        finally
        {
            lock (_lock)
            {
                if (ReferenceEquals(pending.Next, write))
                {
                    _pending.Remove(userKey);
                }
            }
        }
    }

    private sealed class Pending
    {
        /// <summary>The latest write: running, or waiting for the one before it.</summary>
        public Write? Next { get; set; }
    }

    private sealed class Write
    {
        public bool Started { get; set; }

        public int Strength { get; set; }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
