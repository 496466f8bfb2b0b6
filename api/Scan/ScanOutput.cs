using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Scan;

/// <summary>One thread in the `scan` JSON contract (docs/detection-rules.md): the API's thread list uses the same names.</summary>
/// <param name="Nudges">The follow-ups already sent without an answer (0 for <c>mine</c>).</param>
public sealed record ScanThread(
    string Direction, string? InternetMessageId, string ThreadKey, string Since, string Subject, IReadOnlyList<string> Counterparts, string Reason,
    int Nudges = 0)
{
    public static ScanThread From(FollowUp followUp) => new(
        followUp.Direction == FollowUpDirection.Theirs ? "theirs" : "mine",
        followUp.InternetMessageId,
        followUp.ThreadKey,
        FormatInstant(followUp.Since),
        followUp.Subject,
        followUp.Counterparts,
        followUp.Reason,
        followUp.Nudges);

    /// <summary>ISO-8601 in UTC with a Z, to the second.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

public sealed record ScanReport(IReadOnlyList<ScanThread> Threads, int Skipped)
{
    /// <summary>Messages read, readable or not; said on stderr (JSON) or in the table's footer, never in the JSON contract.</summary>
    [JsonIgnore]
    public int MessagesRead { get; init; }

    [JsonIgnore]
    public int LookbackDays { get; init; } = DetectionOptions.DefaultLookbackDays;

    /// <summary>Dated messages before the lookback began or after now: no thread they end can be listed.</summary>
    [JsonIgnore]
    public int OutsideLookback { get; init; }

    /// <summary>The newest dated message's time; null when none had a date.</summary>
    [JsonIgnore]
    public DateTimeOffset? Newest { get; init; }

    /// <summary>A <c>--now</c> to offer when the whole archive is older than the lookback (and none was given).</summary>
    [JsonIgnore]
    public DateTimeOffset? SuggestedNow { get; init; }
}

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

    /// <summary>
    /// How much was read and found, in one line ("986 messages read, 0 skipped (no date or unreadable), 980 outside the
    /// 14-day lookback; 1 thread waiting.").
    /// </summary>
    public static string Summary(ScanReport report)
    {
        var outside = report.OutsideLookback > 0 ? $", {report.OutsideLookback} outside the {report.LookbackDays}-day lookback" : "";
        return $"{Count(report.MessagesRead, "message")} read, {report.Skipped} skipped (no date or unreadable){outside}; {Count(report.Threads.Count, "thread")} waiting.";
    }

    /// <summary>For an archive that ended before the lookback began (and no <c>--now</c>): the <c>--now</c> that scans it as of its end.</summary>
    public static string? Hint(ScanReport report) => report is { Newest: { } newest, SuggestedNow: { } now }
        ? string.Create(CultureInfo.InvariantCulture,
            $"The newest message is from {newest.UtcDateTime:yyyy-MM-dd}; to scan the archive as of then, add --now {ScanThread.FormatInstant(now)}.")
        : null;

    /// <summary>For people: the two lists, oldest first, each row with its reason underneath; times in <paramref name="zone"/>.</summary>
    public static string Table(ScanReport report, TimeZoneInfo zone)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (direction, title) in new[] { ("theirs", "Waiting on them"), ("mine", "Waiting on you") })
        {
            var rows = report.Threads.Where(t => t.Direction == direction).ToList();
            text.Append(CultureInfo.InvariantCulture, $"{title} ({rows.Count})\n");
            foreach (var row in rows)
            {
                var who = string.Join(", ", row.Counterparts);
                text.Append(CultureInfo.InvariantCulture, $"  {LocalTime(row.Since, zone)}  {Fit(who, 32),-32}  {Fit(row.Subject, 60)}\n");
                text.Append(CultureInfo.InvariantCulture, $"      {row.Reason}\n");
            }

            text.Append('\n');
        }

        text.Append(Summary(report)).Append('\n');
        if (Hint(report) is { } hint)
        {
            text.Append(hint).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>"2012-03-20 15:21 UTC+01:00": the time in the zone, with its offset so nobody has to guess.</summary>
    private static string LocalTime(string since, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(since, CultureInfo.InvariantCulture), zone);
        var sign = local.Offset < TimeSpan.Zero ? "-" : "+";
        var offset = local.Offset == TimeSpan.Zero ? "" : sign + local.Offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" + offset;
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private static string Fit(string value, int width)
    {
        var single = value.ReplaceLineEndings(" ");
        return single.Length <= width ? single : single[..(width - 1)] + "…";
    }
}
