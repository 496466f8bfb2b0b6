using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Notifications;

/// <summary>
/// Change notifications and persisted sync requests. Call before <c>AddMailSync</c>: its in-process
/// <see cref="IMailboxSyncRequests"/> is registered with TryAdd, so this persisted one wins.
/// </summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .Validate(o => o.IsValid(),
                "Notifications: PublicBaseUrl must be an absolute http(s) URL, SubscriptionLifetime between 10 minutes and 10,080 minutes, "
                + "RenewBefore, InactiveAfter and PollInterval positive, Notifications:ReconcileInterval at least 1 s.")
            .ValidateOnStart();
        services.AddScoped<SyncRequestStore>();
        services.AddScoped<SubscriptionStore>();
        services.AddScoped<NotificationIntake>();
        services.AddScoped<ISubscriptionRemoval, SubscriptionRemoval>();
        services.AddScoped<IMailboxSyncListener, SubscriptionActivation>();
        services.AddSingleton<SyncRequestSignal>();
        services.AddSingleton<SubscriptionSignal>();
        services.TryAddSingleton<Storage.MailboxLeases>();
        services.Replace(ServiceDescriptor.Singleton<IMailboxSyncRequests, PersistedSyncRequests>());
        services.AddHostedService<SyncRequestWorker>();
        services.AddHostedService<SubscriptionWorker>();
        services.AddGraphCallbackRateLimit();
        return services;
    }
}
