using OutlookFollowUp.Auth;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;

namespace OutlookFollowUp.Privacy;

/// <summary>
/// The tenant policy's data retention, enforced: for each user, metadata about mail older than their tenant's retention is
/// deleted — indexed messages, thread summaries, closed reminders, dismissals of threads whose last message is that old.
/// Open reminders stay (the user asked for them). Idempotent, so several instances may run it at once.
/// </summary>
internal sealed class RetentionPurge(IThreadIndex index, IDismissalStore dismissals, IReminderStore reminders, ISettingsStore settings, TimeProvider time)
{
    /// <returns>Rows deleted.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var retention = await settings.RetentionDaysAsync(cancellationToken);
        var users = (await index.UserKeysAsync(cancellationToken))
            .Concat(await reminders.UserKeysAsync(cancellationToken))
            .Concat(await dismissals.UserKeysAsync(cancellationToken))
            .Distinct(StringComparer.Ordinal);

        var deleted = 0;
        foreach (var user in users)
        {
            var days = retention.GetValueOrDefault(UserKeys.TenantOf(user), TenantPolicy.DefaultRetentionDays);
            var cutoff = now.AddDays(-days);
            deleted += await index.PurgeBeforeAsync(user, cutoff, cancellationToken)
                + await reminders.PurgeClosedBeforeAsync(user, cutoff, cancellationToken)
                + await dismissals.PurgeBeforeAsync(user, cutoff, cancellationToken);
        }

        return deleted;
    }
}

/// <summary>Section <c>Retention</c>: how often the purge runs; zero turns it off.</summary>
public sealed class RetentionOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Runs <see cref="RetentionPurge"/> every <see cref="RetentionOptions.Interval"/> (not at start: a deploy must not race its first requests).</summary>
internal sealed partial class RetentionService(
    IServiceScopeFactory scopes, TimeProvider time, Microsoft.Extensions.Options.IOptions<RetentionOptions> options, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunAsync(stoppingToken);
                LogPurged(logger, deleted);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed run is retried at the next tick; the data it did not reach is still there to purge.
                LogFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge deleted {Rows} rows")]
    private static partial void LogPurged(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention purge failed ({Failure}); it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, string failure);
}

public static class RetentionSetup
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration("Retention");
        services.AddScoped<RetentionPurge>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
