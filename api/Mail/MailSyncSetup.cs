using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Mail;

/// <summary>The mail sync feature: Graph clients, the sync and refresher, and local mode's mailbox when it applies.</summary>
public static class MailSyncSetup
{
    public static IServiceCollection AddMailSync(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        LocalMode.EnsureAllowed(configuration, environment);
        var sample = LocalMode.IsEnabled(configuration) && !LocalMode.UsesRealGraph(configuration);
        services.AddSingleton<SampleTransportHolder>();
        services.AddGraphMail(sample ? SampleTransport : null);
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section)
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Sync:RefreshInterval must be positive.").ValidateOnStart();
        services.AddScoped<MailboxSync>();
        services.AddScoped<MailboxService>();
        services.AddSingleton<MailboxRefresher>();
        services.TryAddSingleton<IMailboxSyncRequests, InProcessSyncRequests>();
        services.AddSingleton<MailBudget>();
        services.AddSingleton<MailboxAccess>();
        if (LocalMode.IsEnabled(configuration))
        {
            services.TryAddSingleton<IMailboxes, LocalMailboxes>();
        }

        return services;
    }

    /// <summary>The sample mailbox, dated from the app's clock when it is first needed; one for the app's lifetime.</summary>
    private static HttpMessageHandler SampleTransport(IServiceProvider services) => services.GetRequiredService<SampleTransportHolder>().Handler;

    private sealed class SampleTransportHolder(TimeProvider time)
    {
        private readonly Lazy<InMemoryGraphHandler> _handler = new(() => new InMemoryGraphHandler(SampleMailbox.Create(time.GetUtcNow())));

        public HttpMessageHandler Handler => _handler.Value;
    }
}
