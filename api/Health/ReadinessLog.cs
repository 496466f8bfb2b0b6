using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OutlookFollowUp.Health;

/// <summary>
/// Says in the log when a readiness check starts failing and when it passes again, once each: probes ask every few
/// seconds, and the health-check service's own line for each failed check (an error every time) would fill the console.
/// </summary>
internal sealed partial class ReadinessLog(ILogger<ReadinessLog> logger)
{
    /// <summary>The health-check service's category: its per-check lines are left out (this class says the changes).</summary>
    public const string ServiceCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    private readonly ConcurrentDictionary<string, bool> _failing = new(StringComparer.Ordinal);

    public void Record(HealthReport report)
    {
        foreach (var (name, entry) in report.Entries)
        {
            var failing = entry.Status != HealthStatus.Healthy;
            if (_failing.TryGetValue(name, out var was) ? was == failing : !failing)
            {
                _failing[name] = failing;
                continue;
            }

            _failing[name] = failing;
            if (failing)
            {
                LogFailing(logger, name, entry.Description);
            }
            else
            {
                LogPassing(logger, name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: the {Check} check fails ({Description}); said again only once it passes")]
    private static partial void LogFailing(ILogger logger, string check, string? description);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Check} check passes again")]
    private static partial void LogPassing(ILogger logger, string check);
}
