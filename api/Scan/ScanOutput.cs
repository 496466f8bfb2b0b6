using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Scan;

/// <summary>One thread in the `scan` JSON contract (docs/detection-rules.md): the API's thread list uses the same names.</summary>
public sealed record ScanThread(
    string Direction, string? InternetMessageId, string ThreadKey, string Since, string Subject, IReadOnlyList<string> Counterparts, string Reason)
{
    public static ScanThread From(FollowUp followUp) => new(
        followUp.Direction == FollowUpDirection.Theirs ? "theirs" : "mine",
        followUp.InternetMessageId,
        followUp.ThreadKey,
        FormatInstant(followUp.Since),
        followUp.Subject,
        followUp.Counterparts,
        followUp.Reason);

    /// <summary>ISO-8601 in UTC with a Z, to the second.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

public sealed record ScanReport(IReadOnlyList<ScanThread> Threads, int Skipped);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(ScanReport))]
internal sealed partial class ScanJsonContext : JsonSerializerContext;

public static class ScanOutput
{
    // A terminal or a file, not HTML: keep <message-ids> and quotes readable instead of \u003C escapes.
    private static readonly ScanJsonContext Context = new(new JsonSerializerOptions(ScanJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Json(ScanReport report) => JsonSerializer.Serialize(report, Context.ScanReport);

    /// <summary>For people: the two lists, oldest first, each row with its reason underneath.</summary>
    public static string Table(ScanReport report)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (direction, title) in new[] { ("theirs", "Waiting on them"), ("mine", "Waiting on you") })
        {
            var rows = report.Threads.Where(t => t.Direction == direction).ToList();
            text.Append(CultureInfo.InvariantCulture, $"{title} ({rows.Count})\n");
            foreach (var row in rows)
            {
                var who = string.Join(", ", row.Counterparts);
                text.Append(CultureInfo.InvariantCulture, $"  {row.Since[..16].Replace('T', ' ')}  {Fit(who, 32),-32}  {Fit(row.Subject, 60)}\n");
                text.Append(CultureInfo.InvariantCulture, $"      {row.Reason}\n");
            }

            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"{report.Threads.Count} threads waiting; {report.Skipped} messages skipped (no date or unreadable).\n");
        return text.ToString();
    }

    private static string Fit(string value, int width)
    {
        var single = value.ReplaceLineEndings(" ");
        return single.Length <= width ? single : single[..(width - 1)] + "…";
    }
}
