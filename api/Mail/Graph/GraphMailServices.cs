using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>The Graph mail feature's registrations; Program.cs composes it when the app wires Graph in.</summary>
public static class GraphMailServices
{
    /// <param name="transport">An in-process handler (the sample mailbox) in place of the network; null in production.</param>
    public static IServiceCollection AddGraphMail(this IServiceCollection services, HttpMessageHandler? transport = null) =>
        services.AddGraphMail(transport is null ? null : _ => transport);

    /// <param name="transport">Builds the in-process handler from the container (it may need the clock); null in production.</param>
    public static IServiceCollection AddGraphMail(this IServiceCollection services, Func<IServiceProvider, HttpMessageHandler>? transport)
    {
        services.AddOptions<GraphOptions>()
            .BindConfiguration(GraphOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidTimes(), "Graph: Timeout, CircuitBreakerSamplingDuration and CircuitBreakDuration must be positive (the last two at least 0.5 s).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System); // tests register a FakeTimeProvider first
        services.AddSingleton(sp => new GraphClientFactory(sp.GetRequiredService<IOptions<GraphOptions>>().Value, sp.GetRequiredService<TimeProvider>(), transport?.Invoke(sp)));
        return services;
    }
}
