using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>The Graph mail feature's registrations; Program.cs composes it when the app wires Graph in.</summary>
public static class GraphMailServices
{
    /// <param name="transport">
    /// An in-process primary handler (the sample mailbox) in place of the network; null in production. The rest of the
    /// pipeline stays the production one.
    /// </param>
    public static IServiceCollection AddGraphMail(this IServiceCollection services, Func<IServiceProvider, HttpMessageHandler>? transport = null)
    {
        services.AddOptions<GraphOptions>()
            .BindConfiguration(GraphOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidTimes(), "Graph: Timeout, CircuitBreakerSamplingDuration and CircuitBreakDuration must be positive (the last two at least 0.5 s), InteractiveBudget and MailboxRequestWindow at least 1 s.")
            .ValidateOnStart();
        services.AddOptions<AddInOptions>()
            .BindConfiguration(AddInOptions.Section)
            .Validate(o => o.HasValidId(), "AddIn:Id must be the add-in's manifest id, a GUID (the <Id> of addin-manifest/manifest.xml).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System); // tests register a FakeTimeProvider first
        services.TryAddSingleton<GraphRequestCounters>();
        services.TryAddSingleton<GraphMailboxGates>();
        services.TryAddSingleton<IMailboxThrottleHolds>(sp => sp.GetRequiredService<GraphMailboxGates>());
        services.TryAddSingleton<GraphClientFactory>();
        var http = services.AddGraphHttp();
        if (transport is not null)
        {
            http.ConfigurePrimaryHttpMessageHandler(transport);
        }

        return services;
    }
}
