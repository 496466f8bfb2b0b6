using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OutlookFollowUp.Telemetry;

/// <summary>
/// The product's own traces and metrics, for every feature to use: one <see cref="ActivitySource"/> and one
/// <see cref="Meter"/> named <see cref="Name"/>. Tags are bounded values (status codes, outcomes), never mail content:
/// no subject, address or token goes into a tag (the scrubber removes any that slips in).
/// </summary>
public static class FollowUpTelemetry
{
    public const string Name = "OutlookFollowUp";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> GraphResponses =
        Meter.CreateCounter<long>("followup.graph.responses", "{response}", "Graph responses by HTTP status code.");
    private static readonly Counter<long> GraphThrottled =
        Meter.CreateCounter<long>("followup.graph.throttled", "{response}", "Graph 429 (and 503 with Retry-After) responses.");
    private static readonly Histogram<double> GraphRetryAfter =
        Meter.CreateHistogram<double>("followup.graph.retry_after", "s", "Retry-After Graph asked for.");
    private static readonly Counter<long> Syncs =
        Meter.CreateCounter<long>("followup.syncs", "{sync}", "Mailbox syncs by outcome.");
    private static readonly Counter<long> Notifications =
        Meter.CreateCounter<long>("followup.notifications", "{notification}", "Graph change and lifecycle notifications received, by kind.");
    private static readonly Counter<long> ReminderEvents =
        Meter.CreateCounter<long>("followup.reminders", "{reminder}", "Reminder events: due, answered, flagged, snoozed, done.");
    private static readonly Counter<long> SweepStages =
        Meter.CreateCounter<long>("followup.sweep.stages", "{batch}", "Mailbox batches of the due sweep past each stage: claimed, checked, flagged.");
    private static readonly Histogram<double> BackgroundLag =
        Meter.CreateHistogram<double>("followup.background.lag", "s", "How late background work ran after it was due.");

    /// <summary>One Graph HTTP response (each attempt counts, retries included).</summary>
    public static void GraphResponse(int statusCode, TimeSpan? retryAfter)
    {
        var status = new KeyValuePair<string, object?>("http.response.status_code", statusCode);
        GraphResponses.Add(1, status);
        if (statusCode == 429 || (statusCode == 503 && retryAfter is not null))
        {
            GraphThrottled.Add(1, status);
        }

        if (retryAfter is { } wait)
        {
            GraphRetryAfter.Record(wait.TotalSeconds, status);
        }
    }

    /// <param name="outcome">ok, failed, stale or resync (bounded values only).</param>
    public static void Sync(string outcome) => Syncs.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <param name="kind">change, validation, reauthorizationRequired, subscriptionRemoved or missed.</param>
    public static void Notification(string kind) => Notifications.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <param name="event">due, answered, flagged (flag_complete, flag_cleared), snoozed or done.</param>
    public static void Reminder(string @event) => Reminders(@event, 1);

    /// <summary>Several reminders at once (a sync that resolved three says so once); nothing is recorded for zero.</summary>
    public static void Reminders(string @event, int count)
    {
        if (count > 0)
        {
            ReminderEvents.Add(count, new KeyValuePair<string, object?>("event", @event));
        }
    }

    public static void SweepStage(string stage) => SweepStages.Add(1, new KeyValuePair<string, object?>("stage", stage));

    /// <param name="work">reminders, refresh or subscriptions.</param>
    public static void Lag(string work, TimeSpan lag) =>
        BackgroundLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("work", work));
}
