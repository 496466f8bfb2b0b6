using System.Threading.Channels;
using OutlookFollowUp.Mail;

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

    private int _pending;

    /// <summary>Writes queued or running; tests wait for zero.</summary>
    public int Pending => Volatile.Read(ref _pending);

    internal void Enqueue(FlagWrite write)
    {
        Interlocked.Increment(ref _pending);
        if (!_channel.Writer.TryWrite(write))
        {
            Interlocked.Decrement(ref _pending);
            LogDropped(logger, write.Flag.Status);
        }
    }

    internal IAsyncEnumerable<FlagWrite> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    internal void Done() => Interlocked.Decrement(ref _pending);

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
internal sealed partial class ReminderFlagWorker(ReminderFlagQueue queue, FlagPermissionNotices notices, ILogger<ReminderFlagWorker> logger) : BackgroundService
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
                    queue.Done();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set the Outlook flag to {Status} ({Failure}); the reminder is unaffected")]
    private static partial void LogFlagFailed(ILogger logger, OutlookFlagStatus status, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outlook flags for {UserKey} need Mail.ReadWrite (Graph answered 403); reminders work without them. Said once per process")]
    private static partial void LogNeedsReadWrite(ILogger logger, string userKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} Outlook flag writes were not made before the app stopped; the reminders are unaffected")]
    private static partial void LogLeftAtStop(ILogger logger, int count);
}
