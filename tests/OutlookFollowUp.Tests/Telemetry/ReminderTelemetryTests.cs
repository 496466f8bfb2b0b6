using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.Local;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Telemetry;

namespace OutlookFollowUp.Tests.Telemetry;

/// <summary>The reminder events reach the product's meter (the admin's "reminders flagged" query reads them).</summary>
public sealed class ReminderTelemetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AReminderWhoseFlagIsWritten_CountsAsFlagged_WithNoMailContentInItsTags()
    {
        var events = new System.Collections.Concurrent.ConcurrentBag<(long Count, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FollowUpTelemetry.Name && instrument.Name == "followup.reminders")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            events.Add((value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();
        var thread = (await host.ThreadsAsync()).Threads.First(t => t.Direction == "theirs");
        using var response = await client.PostAsJsonAsync("/api/reminders", new { messageId = thread.MessageId, afterHours = 24 });
        await host.Services.GetRequiredService<ReminderFlagQueue>().WhenIdleAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains(events, e => e.Tags == "event=flagged" && e.Count >= 1);
        Assert.DoesNotContain(events, e => e.Tags.Contains(thread.Subject, StringComparison.Ordinal) || e.Tags.Contains('@', StringComparison.Ordinal));
    }
}
