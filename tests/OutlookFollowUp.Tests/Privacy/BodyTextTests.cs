using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Privacy;

/// <summary>
/// Rule 9 reads mail text, classifies it in memory and drops it: after syncing the sample mailbox (every message with
/// a body, previews and unique bodies read), no sentence of any body is in the database files, the logs (every
/// category at Trace) or the telemetry the app emits (span names, tags and events; metric tags), before any scrubbing.
/// </summary>
public sealed class BodyTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Sentences from the sample mailbox's bodies: previews that decided, unique bodies read, quoted history.</summary>
    private static readonly string[] Sentences =
    [
        "Could you check the payment terms in section 4",
        "Can you send them to me by Wednesday",
        "Thanks Alex, that is everything",
        "Which exchange rate did you use for the EU accounts",
        "I like the URL scheme",
        "any update on the NDA",
        "I finished the onboarding guide",
        "Here is my Q4 forecast draft",
        "the deck is in the shared folder for Thursday",
        "Please find our quote for the 40 laptops attached",
    ];

    [Fact]
    public async Task No_body_sentence_is_stored_logged_or_in_telemetry_after_a_sync()
    {
        var telemetry = new ConcurrentQueue<string>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => telemetry.Enqueue(Describe(a)),
        };
        ActivitySource.AddActivityListener(activities);
        using var meters = new MeterListener { InstrumentPublished = (instrument, l) => l.EnableMeasurementEvents(instrument) };
        meters.SetMeasurementEventCallback<long>((i, _, tags, _) => telemetry.Enqueue(Tags(i, tags)));
        meters.SetMeasurementEventCallback<int>((i, _, tags, _) => telemetry.Enqueue(Tags(i, tags)));
        meters.SetMeasurementEventCallback<double>((i, _, tags, _) => telemetry.Enqueue(Tags(i, tags)));
        meters.Start();
        var mailbox = SampleMailbox.Create(Now);
        using var host = new CapturingHost(mailbox, Now);

        var first = await host.ThreadsAsync();
        await host.SyncAsync();
        SqliteFlush();

        Assert.True(host.Graph.BatchParts.Any(p => p.Contains("uniqueBody", StringComparison.Ordinal)), "the sync read unique bodies");
        Assert.All(Sentences, s => Assert.Contains(s, BodiesOf(mailbox), StringComparison.Ordinal));
        Assert.NotEmpty(first.Threads);
        var stored = Directory.GetFiles(host.DataFolder).Select(f => (f, Encoding.UTF8.GetString(File.ReadAllBytes(f)))).ToList();
        // The three greps see what each place does hold: subjects are stored, requests logged, syncs counted.
        Assert.Contains(stored, f => f.Item2.Contains("Contract draft for the Q1 review", StringComparison.Ordinal));
        Assert.Contains(host.Logs, l => l.Contains("/api/threads/sync", StringComparison.Ordinal));
        Assert.Contains(telemetry, t => t.Contains("followup.syncs outcome=ok", StringComparison.Ordinal));
        foreach (var sentence in Sentences)
        {
            Assert.DoesNotContain(stored, f => f.Item2.Contains(sentence, StringComparison.Ordinal));
            Assert.DoesNotContain(host.Logs, l => l.Contains(sentence, StringComparison.Ordinal));
            Assert.DoesNotContain(telemetry, t => t.Contains(sentence, StringComparison.Ordinal));
        }
    }

    private static string BodiesOf(InMemoryMailbox mailbox) =>
        string.Join('\n', mailbox.Changes(null, 0, mailbox.Version, _ => true, int.MaxValue).Select(e => e.Json.ToJsonString()));

    private static void SqliteFlush() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    private static string Describe(Activity a) =>
        $"{a.Source.Name} {a.DisplayName} {a.StatusDescription} "
        + string.Join(' ', a.TagObjects.Select(t => $"{t.Key}={t.Value}"))
        + string.Join(' ', a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))
        + string.Join(' ', a.Baggage.Select(b => $"{b.Key}={b.Value}"));

    private static string Tags(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = new StringBuilder(instrument.Meter.Name).Append(' ').Append(instrument.Name);
        foreach (var tag in tags)
        {
            text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
        }

        return text.ToString();
    }

    /// <summary>The app in local mode with every log category at Trace, each entry kept with its state's values.</summary>
    private sealed class CapturingHost(InMemoryMailbox mailbox, DateTimeOffset now) : LocalAppFactory(mailbox, now, "followups-privacy-")
    {
        private readonly LogCapture _capture = new();

        public IReadOnlyCollection<string> Logs => _capture.Entries;

        public async Task<OutlookFollowUp.Tests.Mail.ThreadsBody> ThreadsAsync()
        {
            using var client = CreateClient();
            var body = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<OutlookFollowUp.Tests.Mail.ThreadsBody>(client, "/api/threads", OutlookFollowUp.Tests.Mail.LocalApiHost.Json);
            return body!;
        }

        public async Task SyncAsync()
        {
            using var client = CreateClient();
            using var response = await client.PostAsync(new Uri("/api/threads/sync", UriKind.Relative), content: null);
            response.EnsureSuccessStatusCode();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.Hosting.Lifetime", "Microsoft.EntityFrameworkCore",
                "Microsoft.EntityFrameworkCore.Database.Command", "System.Net.Http.HttpClient", "Polly" })
            {
                builder.UseSetting($"Logging:LogLevel:{category}", "Trace");
            }

            builder.ConfigureServices(s => s.AddLogging(l => l.AddProvider(_capture).SetMinimumLevel(LogLevel.Trace)));
        }
    }

    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                entries.Enqueue($"{category} scope {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                entries.Enqueue($"{category} {logLevel} {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
