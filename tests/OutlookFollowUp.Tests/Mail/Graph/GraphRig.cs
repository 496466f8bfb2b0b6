using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>
/// A mailbox, the Graph simulator serving it, and the product's Graph pipeline wired to it exactly as the app wires it:
/// only the primary handler (the network) is the simulator.
/// </summary>
public sealed class GraphRig : IDisposable
{
    public const string MailboxKey = "user-1";
    public const string Me = "me@contoso.com";

    private readonly ServiceProvider _services;

    /// <param name="addInId">The <c>AddIn:Id</c> setting; null keeps the default (the shipped manifest's id).</param>
    /// <param name="time">The app's clock (the request window reads it); the system's by default.</param>
    public GraphRig(Action<GraphOptions>? configure = null, string? addInId = null, TimeProvider? time = null)
    {
        Options = new GraphOptions { AccessToken = "test-token", PageSize = 10, MaxRetries = 2, Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(Options);
        Mailbox = new InMemoryMailbox(Me, timeZone: "W. Europe Standard Time") { ProxyAddresses = ["SMTP:me@contoso.com", "smtp:Alias@Contoso.com", "X500:/o=x"] };
        Server = new InMemoryGraphHandler(Mailbox);
        var services = Services(Options, Server, addInId);
        if (time is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(time));
        }

        _services = services.BuildServiceProvider();
        Factory = _services.GetRequiredService<GraphClientFactory>();
        Reader = Factory.CreateReader(MailboxKey);
        Writer = Factory.CreateWriter(MailboxKey);
    }

    public DateTimeOffset Now { get; } = TimeProvider.System.GetUtcNow();

    public GraphOptions Options { get; }

    public InMemoryMailbox Mailbox { get; }

    public InMemoryGraphHandler Server { get; }

    public GraphClientFactory Factory { get; }

    public IMailboxReader Reader { get; }

    public IMailboxWriter Writer { get; }

    /// <summary>Attempts that reached the simulator for <see cref="MailboxKey"/>, retries included.</summary>
    public int Attempts => Factory.CounterFor(MailboxKey).Total;

    public static Dictionary<string, string> NoLinks => [];

    /// <summary>The app's Graph registrations from these options, with <paramref name="transport"/> as the primary handler.</summary>
    public static IServiceCollection Services(GraphOptions options, HttpMessageHandler transport, string? addInId = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = options.BaseUrl,
            ["Graph:AccessToken"] = options.AccessToken,
            ["Graph:PageSize"] = $"{options.PageSize}",
            ["Graph:MaxRetries"] = $"{options.MaxRetries}",
            ["Graph:Timeout"] = $"{options.Timeout:c}",
            ["Graph:MaxConcurrentPerMailbox"] = $"{options.MaxConcurrentPerMailbox}",
            ["Graph:CircuitBreakerMinimumThroughput"] = $"{options.CircuitBreakerMinimumThroughput}",
            ["Graph:CircuitBreakerFailureRatio"] = options.CircuitBreakerFailureRatio.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Graph:CircuitBreakerSamplingDuration"] = $"{options.CircuitBreakerSamplingDuration:c}",
            ["Graph:CircuitBreakDuration"] = $"{options.CircuitBreakDuration:c}",
            ["Graph:InteractiveBudget"] = $"{options.InteractiveBudget:c}",
            ["Graph:MailboxRequestLimit"] = $"{options.MailboxRequestLimit}",
            ["Graph:MailboxRequestWindow"] = $"{options.MailboxRequestWindow:c}",
        };
        if (addInId is not null)
        {
            settings["AddIn:Id"] = addInId;
        }

        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddGraphMail();
        services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => transport);
        return services;
    }

    /// <summary>Seeds <paramref name="count"/> messages a day or less old into a folder.</summary>
    public void Seed(string folder, int count, string prefix = "m")
    {
        for (var i = 0; i < count; i++)
        {
            Mailbox.Put(folder, Messages.Message($"{prefix}-{folder}-{i}", Now.AddMinutes(-i)));
        }
    }

    /// <summary>Any request the simulator could not serve fails the test here.</summary>
    public void Dispose()
    {
        _services.Dispose();
        Server.Dispose();
        Assert.True(Server.Problems.Count == 0, string.Join("\n", Server.Problems));
    }
}

/// <summary>A sync's changes over all folders, for tests that do not care which folder a message is in.</summary>
public static class MailboxDeltaViews
{
    extension(MailboxDelta delta)
    {
        public IReadOnlyList<MailRecord> Upserts => [.. delta.Folders.Values.SelectMany(f => f.Upserts)];

        public IReadOnlyList<string> RemovedIds => [.. delta.Folders.Values.SelectMany(f => f.RemovedIds)];
    }
}
