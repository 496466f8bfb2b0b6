using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Mail;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Notifications;
using OutlookFollowUp.Reminders;

namespace OutlookFollowUp.Background;

/// <summary>
/// The work that happens with the pane closed, on the app's <see cref="TimeProvider"/>. Every
/// <see cref="BackgroundOptions.DueSweepInterval"/>: the due sweep (<see cref="ReminderSweep"/>) and the morning digests
/// (<see cref="Digest.DigestService"/>). On its own timer, so a long sweep never delays it, at least every
/// <see cref="NotificationOptions.ReconcileInterval"/> (and as often as the sweep): a sync request for each mailbox with
/// open reminders that no sync reached for <see cref="BackgroundOptions.BackgroundInterval"/> (dropped while change
/// notifications cover the mailbox) or for <see cref="NotificationOptions.ReconcileInterval"/> (asked even then:
/// notifications get lost). A reply then resolves its reminder and completes its flag without anyone asking. While the
/// other routes of an answer are not both off, the request stands every <see cref="BackgroundOptions.BackgroundInterval"/>
/// even while notifications cover the mail: a Teams answer or a meeting comes with no mail, and each sync checks the
/// routes. Mailboxes without open reminders get no background sync (their subscriptions' renewals only): opening the
/// pane syncs them, routes included. A failed
/// round is logged; the next one runs as usual.
/// </summary>
internal sealed partial class BackgroundWorker(
    IServiceScopeFactory scopes, IMailboxSyncRequests syncs, TimeProvider time, IOptions<BackgroundOptions> options,
    IOptions<NotificationOptions> notifications, IMeterFactory meters, ILogger<BackgroundWorker> logger)
    : BackgroundService
{
    /// <summary>Per mailbox, when its last sync attempt is next worth reading (keeps the check to one query per interval).</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextCheck = new(StringComparer.Ordinal);

    /// <summary>The rounds it completed, by kind (<c>sweep</c>: the due sweep and digests; <c>look</c>: mailboxes to sync), as a metric.</summary>
    public const string RoundsMetric = "followup.background.rounds";

    /// <summary>Made when the work starts, from the host's meter factory: a host that failed to start never makes it.</summary>
    private Counter<long>? _rounds;

    /// <summary>How often mailboxes are looked at: as often as the sweep runs, and never less often than either interval.</summary>
    internal TimeSpan LookInterval => new[] { options.Value.DueSweepInterval, options.Value.BackgroundInterval, notifications.Value.ReconcileInterval }.Min();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _rounds = meters.Create(Telemetry.FollowUpTelemetry.Name)
            .CreateCounter<long>(RoundsMetric, "{round}", "Background rounds completed: sweep (due sweep and digests), look (mailboxes to sync).");
        if (!options.Value.BackgroundWorker)
        {
            return;
        }

        await Task.WhenAll(
            EveryAsync(options.Value.DueSweepInterval, RunRoundAsync, stoppingToken),
            EveryAsync(LookInterval, LookAsync, stoppingToken));
    }

    private async Task EveryAsync(TimeSpan interval, Func<CancellationToken, Task> round, CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                await round(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunOnceAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, "due sweep", ex.GetType().Name);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Digest.DigestService>().RunOnceAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, "morning digest", ex.GetType().Name);
        }

        _rounds?.Add(1, new KeyValuePair<string, object?>("kind", "sweep"));
    }

    internal async Task LookAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RequestSyncsAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, "background sync", ex.GetType().Name);
        }

        _rounds?.Add(1, new KeyValuePair<string, object?>("kind", "look"));
    }

    private async Task RequestSyncsAsync(CancellationToken ct)
    {
        List<string> users;
        HashSet<string> routesOff;
        await using (var scope = scopes.CreateAsyncScope())
        {
            users = [.. await scope.ServiceProvider.GetRequiredService<IReminderStore>().UsersWithOpenRemindersAsync(ct)];
            routesOff = (await scope.ServiceProvider.GetRequiredService<Routes.IRouteStore>().UsersWithRoutesOffAsync(ct)).ToHashSet(StringComparer.Ordinal);
        }

        var now = time.GetUtcNow();
        var background = options.Value.BackgroundInterval;
        var reconcile = notifications.Value.ReconcileInterval;
        var interval = background < reconcile ? background : reconcile;
        var due = users.Where(u => !_nextCheck.TryGetValue(u, out var next) || next <= now).ToList();
        // Side by side: each look is a read and, for a mailbox due, a request (one statement or two).
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.MailboxConcurrency, CancellationToken = ct }, async (user, c) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var state = await scope.ServiceProvider.GetRequiredService<IThreadIndex>().GetStateAsync(user, c);
            var last = state?.LastAttemptAt ?? state?.LastSyncedAt;
            if (last is null || now - last >= interval)
            {
                // Past the reconcile interval, or for the other routes, the request stands even while notifications cover the mailbox.
                var reason = last is null || now - last >= reconcile ? SyncRequestReason.Reconcile
                    : !routesOff.Contains(user) ? SyncRequestReason.Routes
                    : SyncRequestReason.Periodic;
                await syncs.RequestAsync(user, reason, c);
                _nextCheck[user] = now + interval;
            }
            else
            {
                _nextCheck[user] = last.Value + interval;
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The background {Work} failed ({Failure}); the next round runs as usual")]
    private static partial void LogFailed(ILogger logger, string work, string failure);
}
