using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OutlookFollowUp.Away;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Bench;

/// <summary>What the request-count figures share: the app's real Graph pipeline over a given transport, and a clock they set.</summary>
internal static class BenchGraph
{
    /// <summary>The product's Graph services (local mode's static token) with <paramref name="transport"/> as the network.</summary>
    /// <param name="baseUrl">Where Graph is (a simulator on a port); Graph's own address by default.</param>
    public static ServiceProvider Services(HttpMessageHandler transport, Uri? baseUrl = null)
    {
        var settings = new Dictionary<string, string?> { ["Graph:AccessToken"] = "bench" };
        if (baseUrl is not null)
        {
            settings["Graph:BaseUrl"] = baseUrl.ToString();
        }

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

/// <summary>The due sweep as one instance of the app makes it: a context of its own per mailbox, the away step when given a cache.</summary>
internal static class BenchSweep
{
    public static ReminderSweep Create(
        BenchDatabase database, IMailboxes mailboxes, TimeProvider time, BackgroundOptions options, AwayCache? cache = null, MailboxLeases? leases = null) =>
        new(() => Parts(database, mailboxes, time, cache, leases), mailboxes, new SweepTelemetry(), new FlagPermissionNotices(), time,
            Microsoft.Extensions.Options.Options.Create(options), NullLogger<ReminderSweep>.Instance, leases);

    /// <summary>One instance's away cache as the app registers it: its own memory, the bench database as the shared layer.</summary>
    public static AwayCache AwayCache(BenchDatabase database, TimeProvider time)
    {
        var services = new ServiceCollection()
            .AddSingleton(time)
            .AddScoped(_ => database.CreateContext(owned: true))
            .AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache, OutlookFollowUp.Auth.DatabaseDistributedCache>();
        services.AddHybridCache();
        return new AwayCache(services.BuildServiceProvider().GetRequiredService<Microsoft.Extensions.Caching.Hybrid.HybridCache>(), time);
    }

    private static SweepParts Parts(BenchDatabase database, IMailboxes mailboxes, TimeProvider time, AwayCache? cache, MailboxLeases? leases)
    {
        var context = database.CreateContext(owned: true);
        var round = cache is null ? null : new AwayRound(cache, NullLogger<AwayRound>.Instance);
        var away = cache is null ? null : new AwaySweepStep(
            context, new ThreadIndex(context), mailboxes, round!, new AwayCheck(cache, round!, time, NullLogger<AwayCheck>.Instance),
            new OutlookFollowUp.Digest.DigestHours(context, time, NullLogger<OutlookFollowUp.Digest.DigestHours>.Instance), leases);
        return new SweepParts(context, new SettingsStore(context, time), new ThreadIndex(context), away, context, new OutlookFollowUp.Routes.RouteStore(context));
    }
}
