using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Background;

/// <summary>
/// The work that happens with the pane closed, every <see cref="BackgroundOptions.DueSweepInterval"/> on the app's
/// <see cref="TimeProvider"/>: the due sweep (<see cref="ReminderSweep"/>), the morning digests (<see cref="Digest.DigestService"/>), then a sync request for each mailbox with
/// open reminders that no sync reached for <see cref="BackgroundOptions.BackgroundInterval"/> (a reply then resolves
/// its reminder and completes its flag without anyone asking), and for each mailbox with waiting threads whose other
/// routes of an answer are not all off (a Teams answer comes with no new mail: each sync checks the routes). A failed
/// round is logged; the next one runs as usual.
/// </summary>
internal sealed partial class BackgroundWorker(
    IServiceScopeFactory scopes, IMailboxSyncRequests syncs, TimeProvider time, IOptions<BackgroundOptions> options, ILogger<BackgroundWorker> logger)
    : BackgroundService
{
    /// <summary>Per mailbox, when its last sync attempt is next worth reading (keeps the check to one query per interval).</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextCheck = new(StringComparer.Ordinal);

    /// <summary>Rounds completed; tests wait on it.</summary>
    public int Rounds => Volatile.Read(ref _rounds);

    private int _rounds;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundWorker)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.DueSweepInterval, time);
        try
        {
            do
            {
                await RunRoundAsync(stoppingToken);
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

        try
        {
            await RequestSyncsAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, "background sync", ex.GetType().Name);
        }

        Interlocked.Increment(ref _rounds);
    }

    private async Task RequestSyncsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        var index = scope.ServiceProvider.GetRequiredService<IThreadIndex>();
        var users = await db.Set<ReminderRow>().AsNoTracking()
            .Where(r => r.DoneAt == null && r.ResolvedAt == null).Select(r => r.UserKey).Distinct().ToListAsync(ct);
        var routesOff = (await scope.ServiceProvider.GetRequiredService<Routes.IRouteStore>().UsersWithRoutesOffAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var routeUsers = (await index.UserKeysWithThreadsAsync(ct)).Where(u => !routesOff.Contains(u)).ToHashSet(StringComparer.Ordinal);
        users = [.. users.Union(routeUsers, StringComparer.Ordinal)];
        var now = time.GetUtcNow();
        var interval = options.Value.BackgroundInterval;
        foreach (var user in users)
        {
            if (_nextCheck.TryGetValue(user, out var next) && next > now)
            {
                continue;
            }

            var state = await index.GetStateAsync(user, ct);
            var last = state?.LastAttemptAt ?? state?.LastSyncedAt;
            if (last is null || now - last >= interval)
            {
                await syncs.RequestAsync(user, routeUsers.Contains(user) ? SyncRequestReason.Routes : SyncRequestReason.Periodic, ct);
                _nextCheck[user] = now + interval;
            }
            else
            {
                _nextCheck[user] = last.Value + interval;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The background {Work} failed ({Failure}); the next round runs as usual")]
    private static partial void LogFailed(ILogger logger, string work, string failure);
}
