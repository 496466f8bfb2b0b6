using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OutlookFollowUp.Telemetry;

namespace OutlookFollowUp.Tests.Telemetry;

/// <summary>
/// The real app (local mode, sample mailbox) with in-memory exporters behind the product's telemetry pipeline:
/// requests carrying tokens and mail with subjects produce telemetry, and none of it carries a token or a subject.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0LXVzZXIifQ.c2lnbmF0dXJlLXZhbHVl";
    private const string ValidationToken = "validation-secret-5f2e";

    private readonly List<Activity> spans = [];
    private readonly List<MetricSnapshot> metrics = [];
    private readonly LogCapture logs = new();
    private readonly App app;

    public TelemetryTests() => app = new App(this);

    [Fact]
    public async Task ExportedTelemetry_HasRequestsLogsAndMetrics_ButNoTokenAndNoSubject()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Jwt);
        var threads = JsonNode.Parse(await client.GetStringAsync("/api/threads"))!;
        using var _ = await client.GetAsync($"/api/threads?access_token={Jwt}&validationToken={ValidationToken}");
        var subjects = Subjects(threads).Distinct().ToList();
        Assert.NotEmpty(subjects);

        // What a careless feature might write: a subject as a tag and in a log, a token in a URL and a header.
        using (var activity = FollowUpTelemetry.Source.StartActivity("reminder due"))
        {
            activity!.SetTag("mail.subject", subjects[0]);
            activity.SetTag("url.full", $"https://graph.microsoft.com/v1.0/me/messages?$filter=subject eq '{subjects[0]}'");
            activity.SetTag("http.request.header.authorization", $"Bearer {Jwt}");
        }

        app.Services.GetRequiredService<ILogger<TelemetryTests>>()
            .LogWarning("Reminder due for {Subject}, called with {Authorization}", subjects[0], $"Bearer {Jwt}");
        FollowUpTelemetry.Reminder("due");
        FollowUpTelemetry.GraphResponse(429, TimeSpan.FromSeconds(7));
        Flush();

        var exported = Exported();
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Contains(spans, s => s.DisplayName == "reminder due" && (string?)s.GetTagItem("url.full") is { } url && url.Contains("$filter=[redacted]", StringComparison.Ordinal));
        Assert.Contains("Reminder due for [redacted]", exported, StringComparison.Ordinal);
        Assert.Contains(metrics, m => m.Name == "followup.graph.throttled");
        Assert.DoesNotContain("eyJ", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidationToken, exported, StringComparison.Ordinal);
        Assert.All(subjects, subject => Assert.DoesNotContain(subject, exported, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://api.example/notify?validationToken=abc&x=1", "https://api.example/notify?validationToken=[redacted]&x=[redacted]")]
    [InlineData("Authorization: Bearer abc.def", "Authorization: Bearer [redacted]")]
    [InlineData("token " + Jwt + " end", "token [redacted] end")]
    [InlineData("GET /health/live", "GET /health/live")]
    public void CleanText_RemovesSecretsAndKeepsTheRest(string text, string expected) =>
        Assert.Equal(expected, TelemetryScrubber.CleanText(text));

    public void Dispose() => app.Dispose();

    private void Flush()
    {
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        app.Services.GetRequiredService<LoggerProvider>().ForceFlush();
    }

    // Every piece of text an exporter would have sent.
    private string Exported()
    {
        var text = new StringBuilder();
        foreach (var span in spans)
        {
            text.AppendLine(span.DisplayName).AppendLine(span.StatusDescription);
            foreach (var (key, value) in span.TagObjects)
            {
                text.AppendLine($"{key}={value}");
            }
        }

        foreach (var metric in metrics)
        {
            text.AppendLine(metric.Name);
            foreach (var point in metric.MetricPoints)
            {
                foreach (var (key, value) in point.Tags)
                {
                    text.AppendLine($"{key}={value}");
                }
            }
        }

        return text.Append(logs.Text).ToString();
    }

    private static IEnumerable<string> Subjects(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "subject" && p.Value is JsonValue v && v.TryGetValue(out string? s) && s.Length > 3 ? [s] : Subjects(p.Value)),
        JsonArray a => a.SelectMany(Subjects),
        _ => [],
    };

    /// <summary>Log records as text at export time (records are pooled afterwards), behind the product's scrubber.</summary>
    private sealed class LogCapture : BaseExporter<LogRecord>
    {
        private readonly StringBuilder text = new();

        public string Text
        {
            get
            {
                lock (text)
                {
                    return text.ToString();
                }
            }
        }

        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            lock (text)
            {
                foreach (var record in batch)
                {
                    text.AppendLine(record.FormattedMessage).AppendLine(record.Body);
                    foreach (var (key, value) in record.Attributes ?? [])
                    {
                        text.AppendLine($"{key}={value}");
                    }
                }
            }

            return ExportResult.Success;
        }
    }

    private sealed class App(TelemetryTests test) : WebApplicationFactory<Program>
    {
        private readonly string data = Directory.CreateTempSubdirectory("followup-telemetry-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:DataFolder", data);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(test.spans));
                services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(test.metrics));
                services.ConfigureOpenTelemetryLoggerProvider(l => l.AddProcessor(new SimpleLogRecordExportProcessor(test.logs)));
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(data))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
