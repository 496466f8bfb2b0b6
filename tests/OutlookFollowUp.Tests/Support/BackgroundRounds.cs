using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OutlookFollowUp.Background;
using OutlookFollowUp.Telemetry;

namespace OutlookFollowUp.Tests.Support;

/// <summary>
/// One host's background rounds, read from the worker's metric (<see cref="BackgroundWorker.RoundsMetric"/>) through that
/// host's meter factory, so hosts running side by side never count each other's. Counts from when it was made.
/// </summary>
internal sealed class BackgroundRounds(IServiceProvider services) : IDisposable
{
    private readonly MetricCollector<long> _collector = new(services.GetRequiredService<IMeterFactory>(), FollowUpTelemetry.Name, BackgroundWorker.RoundsMetric);

    /// <summary>Due sweep rounds (with the digests) completed.</summary>
    public int Sweeps => Count("sweep");

    /// <summary>Looks for mailboxes to sync completed.</summary>
    public int Looks => Count("look");

    public void Dispose() => _collector.Dispose();

    private int Count(string kind) => _collector.GetMeasurementSnapshot().Count(m => m.Tags.TryGetValue("kind", out var k) && (string?)k == kind);
}
