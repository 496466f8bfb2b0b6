using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Bench;

/// <summary>What the request-count figures share: the app's real Graph pipeline over a given transport, and a clock they set.</summary>
internal static class BenchGraph
{
    /// <summary>The product's Graph services (local mode's static token) with <paramref name="transport"/> as the network.</summary>
    public static ServiceProvider Services(HttpMessageHandler transport)
    {
        var settings = new Dictionary<string, string?> { ["Graph:AccessToken"] = "bench" };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddGraphMail();
        services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => transport);
        return services.BuildServiceProvider();
    }
}

/// <summary>A clock the figure moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
