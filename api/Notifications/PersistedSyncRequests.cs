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
internal sealed class PersistedSyncRequests(
    IServiceScopeFactory scopes, SyncRequestSignal signal, TimeProvider time) : IMailboxSyncRequests
{
    public async Task RequestAsync(string userKey, SyncRequestReason reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        await using var scope = scopes.CreateAsyncScope();
        var now = time.GetUtcNow();
        if (reason == SyncRequestReason.Periodic
            && await scope.ServiceProvider.GetRequiredService<SubscriptionStore>().CoversAsync(userKey, now, cancellationToken))
        {
            return;
        }

        await scope.ServiceProvider.GetRequiredService<SyncRequestStore>().RequestAsync(userKey, reason, now, cancellationToken);
        signal.Signal.Set();
    }
}
