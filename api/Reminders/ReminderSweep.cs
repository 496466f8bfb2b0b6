using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Reminders;

/// <summary>What one sweep did.</summary>
public sealed record SweepCounts(int Claimed, int Due, int Resolved, int Flagged, int Retried)
{
    public static readonly SweepCounts None = new(0, 0, 0, 0, 0);

    public static SweepCounts operator +(SweepCounts a, SweepCounts b) =>
        new(a.Claimed + b.Claimed, a.Due + b.Due, a.Resolved + b.Resolved, a.Flagged + b.Flagged, a.Retried + b.Retried);
}

/// <summary>Points of a sweep where a test stops it as a crash would (nothing after runs, the claims stay until their lease ends).</summary>
public enum SweepPoint
{
    /// <summary>After the claim, before Graph is asked.</summary>
    Claimed,

    /// <summary>After the due and resolved states (and the flags they want) are saved, before the flags are written.</summary>
    Checked,

    /// <summary>After the flags were written in Graph, before that is saved.</summary>
    Flagged,
}

/// <summary>
/// Told of each <see cref="SweepPoint"/> a mailbox's batch passes, as it passes it: the app's records the sweep's
/// progress as a metric (<see cref="SweepTelemetry"/>); a test's may throw there to stand for a crash.
/// </summary>
public interface ISweepObserver
{
    ValueTask AtAsync(SweepPoint point, CancellationToken cancellationToken);
}

/// <summary>The sweep's progress as <c>followup.sweep.stages</c>, by point: claimed, checked, flagged.</summary>
internal sealed class SweepTelemetry : ISweepObserver
{
    public ValueTask AtAsync(SweepPoint point, CancellationToken cancellationToken)
    {
        Telemetry.FollowUpTelemetry.SweepStage(point.ToString().ToLowerInvariant());
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The due sweep. Claims reminders whose time passed (<see cref="ReminderClaims"/>) in batches and works on their
/// mailboxes side by side, up to <see cref="BackgroundOptions.MailboxConcurrency"/> at once (<see cref="MailboxSweep"/>:
/// the "still no reply?" check in every folder, then the flags). The next batch is claimed while the last one's mailboxes
/// are being swept, so a slow or throttled mailbox holds up only itself. Each mailbox is worked on under its lease
/// (<see cref="MailboxLeases"/>): with several instances, one at a time sends a mailbox's requests, so Graph's limits per
/// mailbox hold for the deployment; a mailbox another instance is working on waits a moment, else its reminders come
/// back a few seconds later. A crash before a flag's landing is saved leaves the flag wanted: the claim's lease ends,
/// another sweep takes it and writes the same flag again, and only then is the reminder settled. Recipients who are away
/// (<see cref="AwaySweepStep"/>): one MailTips round per batch and tenant before its mailboxes, then, before a reminder is
/// marked due, a hold when its counterparts are all away.
/// </summary>
internal sealed partial class ReminderSweep(
    Func<SweepParts> parts, IMailboxes mailboxes, ISweepObserver observer, FlagPermissionNotices notices, TimeProvider time,
    IOptions<BackgroundOptions> options, ILogger<ReminderSweep> logger, MailboxLeases? leases = null)
{
    /// <summary>Far more batches than one run needs: a run always ends, even if rows kept coming back.</summary>
    private const int MaxBatchesPerRun = 1_000;

    /// <summary>How long a mailbox another instance is working on is waited for before its reminders come back later.</summary>
    internal static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(2);

    /// <summary>When reminders of a mailbox another instance holds are claimable again (its work takes seconds).</summary>
    internal static readonly TimeSpan Busy = TimeSpan.FromSeconds(5);

    public async Task<SweepCounts> RunOnceAsync(CancellationToken cancellationToken)
    {
        var total = new Tally();
        var concurrency = options.Value.MailboxConcurrency;
        // A short queue between the claims and the mailboxes: the next batch is claimed (and its MailTips round asked)
        // while the last one's mailboxes are still being swept, never long before (the claim's lease runs meanwhile).
        var queue = Channel.CreateBounded<MailboxWork>(new BoundedChannelOptions(concurrency) { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using (var main = parts())
        {
            var claiming = ClaimAsync(main, total, queue.Writer, stop.Token);
            try
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(queue.Reader.ReadAllAsync(cancellationToken), parallel, async (work, ct) => total.Add(await SweepMailboxAsync(work, ct)));
            }
            catch
            {
                // A mailbox's failure (or a crash a test simulates) ends the run: the claims stop too.
                await stop.CancelAsync();
                await claiming.ContinueWith(_ => { }, TaskScheduler.Default);
                throw;
            }

            await claiming;
        }

        var counts = total.Counts;
        if (counts.Claimed > 0)
        {
            LogSwept(logger, counts.Claimed, counts.Due, counts.Resolved, counts.Flagged, counts.Retried);
        }

        return counts;
    }

    /// <summary>Claims batch after batch into <paramref name="queue"/>, as fast as the mailboxes take them up; completes it at the end.</summary>
    private async Task ClaimAsync(SweepParts main, Tally total, ChannelWriter<MailboxWork> queue, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            for (var i = 0; i < MaxBatchesPerRun; i++)
            {
                var now = time.GetUtcNow();
                var claimId = Guid.NewGuid().ToString("N");
                var claimed = await ReminderClaims.ClaimAsync(main.Db, claimId, now, now + options.Value.ClaimLease, options.Value.DueBatchSize, ct);
                if (claimed == 0)
                {
                    break;
                }

                await observer.AtAsync(SweepPoint.Claimed, ct);
                total.Add(new SweepCounts(claimed, 0, 0, 0, 0));
                var rows = await ReminderClaims.ClaimedAsync(main.Db, claimId, ct);
                foreach (var row in rows.Where(r => r.DueAt is null && r.RemindAt <= now))
                {
                    Telemetry.FollowUpTelemetry.Lag("reminders", now - row.RemindAt); // how late the due time was met
                }

                // Recipients who are away: one MailTips round per tenant for the whole batch, before its mailboxes.
                var refused = main.Away is { } away ? await away.PrepareAsync(rows, ct) : new HashSet<string>();
                foreach (var mailbox in rows.GroupBy(r => r.UserKey, StringComparer.Ordinal))
                {
                    await queue.WriteAsync(new MailboxWork(mailbox.Key, [.. mailbox], claimId, refused), ct);
                }

                if (claimed < options.Value.DueBatchSize)
                {
                    break;
                }
            }

            queue.Complete();
        }
        catch (Exception ex)
        {
            queue.Complete(ex);
            throw;
        }
    }

    private async Task<SweepCounts> SweepMailboxAsync(MailboxWork work, CancellationToken ct)
    {
        await using var lease = leases is null ? null : await leases.AcquireAsync(work.UserKey, LeaseWait, ct);
        await using var scope = parts();
        if (leases is not null && lease is null)
        {
            // Another instance is working on this mailbox now: its reminders come back in a few seconds, as they were.
            await ReminderClaims.ReleaseAsync(scope.Db, work.UserKey, work.ClaimId, time.GetUtcNow() + Busy, ct);
            return SweepCounts.None;
        }

        return await new MailboxSweep(scope, mailboxes, observer, notices, time, options, logger, work.RefusedTenants)
            .RunAsync(work.UserKey, work.Rows, work.ClaimId, ct);
    }

    /// <summary>The wait after a failure: it doubles from the sweep interval with each attempt, up to the longest allowed.</summary>
    internal static TimeSpan RetryDelay(BackgroundOptions options, int attempts)
    {
        var delay = options.DueSweepInterval * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }

    private sealed record MailboxWork(string UserKey, List<ReminderRow> Rows, string ClaimId, IReadOnlySet<string> RefusedTenants);

    /// <summary>Counts added from the mailboxes running side by side.</summary>
    private sealed class Tally
    {
        private readonly Lock _lock = new();
        private SweepCounts _counts = SweepCounts.None;

        public SweepCounts Counts { get { lock (_lock) { return _counts; } } }

        public void Add(SweepCounts counts)
        {
            lock (_lock)
            {
                _counts += counts;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Due sweep: {Claimed} claimed, {Due} due, {Resolved} answered, {Flagged} flags written, {Retried} to retry")]
    private static partial void LogSwept(ILogger logger, int claimed, int due, int resolved, int flagged, int retried);
}
