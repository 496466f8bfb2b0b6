using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Mail;

/// <summary>
/// The mail sync feature: Graph clients, the sync and refresher, what its failures answer (<see cref="MailFailureHandler"/>)
/// and the count of syncs. Where the mailboxes come from is the caller's: Auth's Graph credentials, or local mode's.
/// </summary>
public static class MailSyncSetup
{
    public static IServiceCollection AddMailSync(this IServiceCollection services, IConfiguration configuration)
    {
        if (Auth.AuthSetup.EntraIdConfigured(configuration))
        {
            // Graph tokens on behalf of the signed-in user (or the app's own, in application mode).
            services.AddSingleton<Credentials.GraphCredentials>();
            services.AddScoped<IMailboxes, Credentials.OnBehalfOfMailboxes>();
            services.AddScoped<Credentials.RouteCredentials>();
        }

        services.AddGraphMail();
        services.AddExceptionHandler<MailFailureHandler>();
        services.AddScoped<IMailboxSyncListener, SyncTelemetry>();
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section)
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Sync:RefreshInterval must be positive.").ValidateOnStart();
        services.AddOptions<BackgroundOptions>().BindConfiguration(BackgroundOptions.Section)
            .Validate(BackgroundOptions.Valid,
                "Sync:BackgroundInterval and Sync:DueSweepInterval must be at least 1 s, Sync:DueBatchSize 1 to 5000, Sync:ClaimLease at least 10 s, Sync:MaxRetryDelay at least the sweep interval, Sync:MailboxConcurrency 1 to 256.")
            .ValidateOnStart();
        services.AddScoped<MailboxSync>();
        services.AddScoped<MailboxService>();
        services.AddSingleton<MailboxRefresher>();
        services.TryAddSingleton<IMailboxSyncRequests, InProcessSyncRequests>();
        services.AddSingleton<MailBudget>();
        services.AddSingleton<MailboxAccess>();
        return services;
    }
}
