using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Instrumentation.Http;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OutlookFollowUp.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs: requests, Graph calls (status, throttling, Retry-After), the product's own
/// <see cref="FollowUpTelemetry"/>. Exported to Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set and
/// over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; the scrubbers run before any exporter.
/// </summary>
public static class TelemetrySetup
{
    public const string AzureMonitorVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string DefaultServiceName = "outlook-followup-api";

    public static IServiceCollection AddFollowUpTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var azureMonitor = !string.IsNullOrWhiteSpace(configuration[AzureMonitorVariable]);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpVariable]);
        var graphHost = GraphHost(configuration);

        services.Configure<HttpClientTraceInstrumentationOptions>(options =>
        {
            options.RecordException = false;
            options.EnrichWithHttpResponseMessage = (activity, response) => OnHttpResponse(activity, response, graphHost);
        });
        services.Configure<AspNetCoreTraceInstrumentationOptions>(options =>
        {
            options.RecordException = false;
            // Probes every few seconds would drown the requests that matter.
            options.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
        });

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddProcessor(new ActivityScrubber()).AddSource(FollowUpTelemetry.Name);
                if (!azureMonitor)
                {
                    tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }

                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(FollowUpTelemetry.Name);
                if (!azureMonitor)
                {
                    metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithLogging(logging =>
            {
                logging.AddProcessor(new LogScrubber());
                if (otlp)
                {
                    logging.AddOtlpExporter();
                }
            }, options => options.IncludeFormattedMessage = true);

        // The distro adds its own ASP.NET Core and HttpClient instrumentation (hence not twice above) and the exporter.
        if (azureMonitor)
        {
            telemetry.UseAzureMonitor();
        }

        return services;
    }

    private static void OnHttpResponse(System.Diagnostics.Activity activity, HttpResponseMessage response, string graphHost)
    {
        if (!string.Equals(response.RequestMessage?.RequestUri?.Host, graphHost, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } when response.Headers.Date is { } now => date - now,
            _ => (TimeSpan?)null,
        };
        FollowUpTelemetry.GraphResponse((int)response.StatusCode, retryAfter);
        if (retryAfter is { } wait)
        {
            activity.SetTag("http.response.header.retry-after", wait.TotalSeconds);
        }
    }

    private static string GraphHost(IConfiguration configuration) =>
        Uri.TryCreate(configuration["Graph:BaseUrl"], UriKind.Absolute, out var url) ? url.Host : "graph.microsoft.com";
}
