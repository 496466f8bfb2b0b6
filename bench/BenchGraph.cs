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

/// <summary>
/// HTTP requests as Graph would receive them (a <c>$batch</c> is one): all of them, and those whose path ends with a
/// given segment (<c>/getMailTips</c>, <c>/mailboxSettings</c>, <c>/sendMail</c>).
/// </summary>
internal sealed class CountingGraphHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _byLastSegment = new(StringComparer.OrdinalIgnoreCase);
    private int _total;

    public int Total => _total;

    /// <summary>Requests whose path ends with <paramref name="segment"/> (e.g. "getMailTips").</summary>
    public int Count(string segment) => _byLastSegment.GetValueOrDefault(segment);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _total);
        var path = request.RequestUri!.AbsolutePath;
        _byLastSegment.AddOrUpdate(path[(path.LastIndexOf('/') + 1)..], 1, (_, n) => n + 1);
        return base.SendAsync(request, cancellationToken);
    }
}
