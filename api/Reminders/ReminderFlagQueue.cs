using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Reminders;

/// <summary>One Outlook flag to set after the response, with the writer made inside the user's request (it acts for them).</summary>
internal sealed record FlagWrite(string UserKey, string MessageId, OutlookFlag Flag, IMailboxWriter Writer);

/// <summary>
/// The reminder endpoints' flag writes, run after the response by <see cref="ReminderFlagWorker"/>: a person never waits
/// on this best-effort write. One reader keeps them in order (flagged, then complete, then cleared for one message).
/// </summary>
public sealed partial class ReminderFlagQueue(ILogger<ReminderFlagQueue> logger)
{
    /// <summary>Far beyond what the per-user rate limit lets in between two writes; past it a write is dropped, and said so.</summary>
    private const int Capacity = 10_000;

    private readonly Channel<FlagWrite> _channel = Channel.CreateBounded<FlagWrite>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly ConcurrentDictionary<(string UserKey, string MessageId), int> _pendingByMessage = new();

    private int _pending;

    /// <summary>Writes queued or running; tests wait for zero.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>True while a write for this message waits here: a flag read back from Outlook may predate it.</summary>
    public bool IsPending(string userKey, string messageId) => _pendingByMessage.TryGetValue((userKey, messageId), out var count) && count > 0;

    internal void Enqueue(FlagWrite write)
    {
        Interlocked.Increment(ref _pending);
        _pendingByMessage.AddOrUpdate((write.UserKey, write.MessageId), 1, (_, n) => n + 1);
        if (!_channel.Writer.TryWrite(write))
        {
            Done(write);
            LogDropped(logger, write.Flag.Status);
        }
    }

    internal IAsyncEnumerable<FlagWrite> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    internal void Done(FlagWrite write)
    {
        var key = (write.UserKey, write.MessageId);
        if (_pendingByMessage.AddOrUpdate(key, 0, (_, n) => n - 1) <= 0)
        {
            _pendingByMessage.TryRemove(new KeyValuePair<(string, string), int>(key, 0));
        }

        Interlocked.Decrement(ref _pending);
    }

    /// <summary>Waits until every queued write ran (tests; the flag is then in the mailbox or its failure logged).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (Pending > 0)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outlook flag write queue full: the flag {Status} was dropped; the reminder is unaffected")]
    private static partial void LogDropped(ILogger logger, OutlookFlagStatus status);
}

/// <summary>Runs the queued flag writes one by one; a failure is logged (its kind, never a token) and the next write goes on.</summary>
internal sealed partial class ReminderFlagWorker(
    ReminderFlagQueue queue, FlagPermissionNotices notices, IServiceScopeFactory scopes, TimeProvider time, ILogger<ReminderFlagWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var write in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await write.Writer.SetFlagAsync(write.MessageId, write.Flag, stoppingToken);
                    await RecordAsync(write, stoppingToken);
                    Telemetry.FollowUpTelemetry.Reminder(write.Flag.Status == OutlookFlagStatus.Flagged ? "flagged" : "flag_" + write.Flag.Status.ToString().ToLowerInvariant());
                }
                catch (MailAccessDeniedException) when (!stoppingToken.IsCancellationRequested)
                {
                    if (notices.Refused(write.UserKey))
                    {
                        LogNeedsReadWrite(logger, write.UserKey);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFlagFailed(logger, write.Flag.Status, ex is MailException { Status: { } status } ? $"{ex.GetType().Name} {status}" : ex.GetType().Name);
                }
                finally
                {
                    queue.Done(write);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            if (queue.Pending > 0)
            {
                LogLeftAtStop(logger, queue.Pending);
            }
        }
    }

    /// <summary>What landed on the message: a flag later read back as completed or cleared closes the reminder only if the product had flagged it.</summary>
    private async Task RecordAsync(FlagWrite write, CancellationToken cancellationToken)
    {
        var state = write.Flag.Status switch
        {
            OutlookFlagStatus.Flagged => write.Flag.ReminderAt is null ? FlagStates.Flagged : FlagStates.Due,
            OutlookFlagStatus.Complete => FlagStates.Complete,
            _ => FlagStates.Cleared,
        };
        await using var scope = scopes.CreateAsyncScope();
        var now = time.GetUtcNow();
        await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().Set<ReminderRow>()
            .Where(r => r.UserKey == write.UserKey && r.MessageId == write.MessageId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.FlagWritten, state).SetProperty(r => r.FlagWrittenAt, now), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set the Outlook flag to {Status} ({Failure}); the reminder is unaffected")]
    private static partial void LogFlagFailed(ILogger logger, OutlookFlagStatus status, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outlook flags for {UserKey} need Mail.ReadWrite (Graph answered 403); reminders work without them. Said once per process")]
    private static partial void LogNeedsReadWrite(ILogger logger, string userKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} Outlook flag writes were not made before the app stopped; the reminders are unaffected")]
    private static partial void LogLeftAtStop(ILogger logger, int count);
}
