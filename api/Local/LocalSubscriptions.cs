using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Notifications;

namespace OutlookFollowUp.Local;

/// <summary>
/// Local mode serves one person per run. Subscription rows an earlier run made for another local user (another pasted
/// token, or the sample) are removed at start, so a notification of theirs is unknown here and ignored, never a sync of
/// their index with this run's token. Graph ends their subscriptions by itself when they expire.
/// </summary>
internal sealed partial class LocalSubscriptions(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<LocalSubscriptions> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var mine = LocalMode.UserKeyFor(configuration);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<SubscriptionStore>();
            foreach (var other in (await store.UserKeysAsync(cancellationToken)).Where(k => k != mine && LocalMode.IsLocalUserKey(k)))
            {
                await store.DeleteUserAsync(other, cancellationToken);
                LogRemoved(logger, other);
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The database out of reach (Storage:MigrateOnStart=false allows that at start): LocalMailboxes refuses them anyway.
            LogNotRemoved(logger, ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removed the subscriptions of {UserKey}, another local user than this run's")]
    private static partial void LogRemoved(ILogger logger, string userKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for other local users' subscriptions ({Failure}); their notifications are refused anyway")]
    private static partial void LogNotRemoved(ILogger logger, string failure);
}

/// <summary>
/// Local mode's services: its one signed-in user (<see cref="LocalAuthenticationHandler"/>), its one mailbox
/// (<see cref="LocalMailboxes"/>), served by the sample mailbox through the Graph
/// pipeline's transport unless a token was pasted, and the start-up cleanup of other local users' subscriptions.
/// </summary>
public static class LocalModeSetup
{
    /// <summary>
    /// Call after AddStorage (hosted services start in order, and the schema must be there first) and after AddMailSync
    /// (the sample's transport takes the place of the network in the Graph pipeline it made).
    /// </summary>
    public static IServiceCollection AddLocalMode(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        LocalMode.EnsureAllowed(configuration, environment);
        if (!LocalMode.IsEnabled(configuration))
        {
            return services;
        }

        services.TryAddSingleton<IMailboxes, LocalMailboxes>();
        services.AddAuthentication(LocalAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, LocalAuthenticationHandler>(LocalAuthenticationHandler.SchemeName, null);
        services.AddHostedService<LocalSubscriptions>();
        if (!LocalMode.UsesRealGraph(configuration))
        {
            services.AddSingleton<SampleTransportHolder>();
            services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<SampleTransportHolder>().Handler);
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
