using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Local;

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
