using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Health;

public sealed record LiveResponse(string Status);

/// <param name="LastGraphSuccessAt">
/// The latest good sync of any mailbox (in local mode, of this run's mailbox): informative only, since a Graph outage is
/// served from the index.
/// </param>
/// <param name="Credential">Whether the on-behalf-of credential is configured, and of which kind (never its value).</param>
public sealed record ReadyResponse(string Status, string Database, DateTimeOffset? LastGraphSuccessAt, string? Credential = null);

/// <summary>
/// /health/live (the process answers: no check runs) and /health/ready (EF Core's database check). Anonymous, not rate
/// limited. The bodies keep the product's own small JSON; a failed check is a 503 ProblemDetails with Retry-After.
/// </summary>
public static class HealthApi
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<FollowUpDbContext>("database", tags: [Ready])
            .AddCheck<StorageWriteCheck>(StorageWriteCheck.Name, tags: [Ready])
            .AddCheck<LastSyncCheck>("last-sync", tags: [Ready])
            .AddCheck<Hosting.CredentialHealthCheck>(Hosting.CredentialHealthCheck.Name, tags: [Ready]);
        services.AddSingleton<ReadinessLog>();
        services.Configure<LoggerFilterOptions>(o => o.AddFilter(ReadinessLog.ServiceCategory, LogLevel.Critical));
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (context, _) => context.Response.WriteAsJsonAsync(new LiveResponse("live")),
        }).WithTags("Health").WithName("Live").WithSummary("The process answers.").AllowAnonymous();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = WriteReadyAsync,
        }).WithTags("Health").WithName("Ready").WithSummary("The database answers and takes writes.").AllowAnonymous();
        return routes;
    }

    private static async Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        context.RequestServices.GetRequiredService<ReadinessLog>().Record(report);
        if (report.Status == HealthStatus.Healthy)
        {
            var last = report.Entries.TryGetValue("last-sync", out var sync) && sync.Data.TryGetValue(LastSyncCheck.DataKey, out var at)
                ? at as DateTimeOffset?
                : null;
            var credential = report.Entries.TryGetValue(Hosting.CredentialHealthCheck.Name, out var c) ? c.Description : null;
            await context.Response.WriteAsJsonAsync(new ReadyResponse("ready", "reachable", last, credential));
            return;
        }

        context.Response.Headers.RetryAfter = "10";
        var problem = new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "Not ready.", Detail = NotReadyDetail(report) },
        };
        if (report.Entries.TryGetValue(Local.PastedToken.HealthName, out var graph) && graph.Status != HealthStatus.Healthy)
        {
            // Local mode with a pasted token: "token rejected" while Graph refuses it.
            problem.ProblemDetails.Extensions["graph"] = graph.Description;
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(problem);
    }

    /// <summary>Says which checks failed, in their own words (no exception text).</summary>
    private static string NotReadyDetail(HealthReport report) => string.Join(" ", report.Entries
        .Where(e => e.Value.Status != HealthStatus.Healthy)
        .Select(e => e.Key switch
        {
            Hosting.CredentialHealthCheck.Name => $"The credential: {e.Value.Description}.",
            "database" => "The database cannot be reached.",
            StorageWriteCheck.Name => $"The database takes no writes: {e.Value.Description}.",
            Local.PastedToken.HealthName => e.Value.Data.TryGetValue(Local.PastedTokenHealthCheck.DetailKey, out var detail) ? $"{detail}" : e.Value.Description,
            _ => "The thread index cannot be read.",
        }));
}

/// <summary>
/// Informative: when any mailbox last synced well; in local mode, this run's mailbox (the sample's or an earlier token's
/// sync in the same data folder says nothing of this one). Unhealthy only when the index cannot be read.
/// </summary>
internal sealed class LastSyncCheck(IThreadIndex index, IConfiguration configuration) : IHealthCheck
{
    public const string DataKey = "lastGraphSuccessAt";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var last = Local.LocalMode.IsEnabled(configuration)
                ? (await index.GetStateAsync(Local.LocalMode.UserKeyFor(configuration), cancellationToken))?.LastSyncedAt
                : await index.LastGoodSyncAsync(cancellationToken);
            return HealthCheckResult.Healthy(data: last is { } at ? new Dictionary<string, object> { [DataKey] = at } : null);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("The thread index cannot be read.");
        }
    }
}
