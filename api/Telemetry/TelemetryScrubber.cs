using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace OutlookFollowUp.Telemetry;

/// <summary>
/// What must never leave the process in telemetry: tokens (Authorization and cookie headers, bearer values, JWTs,
/// secrets in query strings) and mail subjects. Applied to every span and log record before any exporter sees it.
/// </summary>
public static partial class TelemetryScrubber
{
    public const string Redacted = "[redacted]";

    /// <summary>The value to export for a tag or attribute, or null to drop it.</summary>
    public static object? Clean(string key, object? value)
    {
        if (IsSensitiveKey(key))
        {
            return null;
        }

        return value is string text ? CleanText(text) : value;
    }

    /// <summary>Query string values replaced (names kept), bearer values and JWTs removed.</summary>
    public static string CleanText(string text)
    {
        var cleaned = Jwt().Replace(text, Redacted);
        cleaned = Bearer().Replace(cleaned, "$1 " + Redacted);
        return QueryValue().Replace(cleaned, m => $"{m.Groups[1].Value}{m.Groups[2].Value}={Redacted}");
    }

    // Subjects under any name (mail.subject, Subject, thread.subject), credentials and headers that carry them.
    private static bool IsSensitiveKey(string key) =>
        key.Contains("subject", StringComparison.OrdinalIgnoreCase)
        || key.Contains("authorization", StringComparison.OrdinalIgnoreCase)
        || key.Contains("cookie", StringComparison.OrdinalIgnoreCase)
        || key.Contains("token", StringComparison.OrdinalIgnoreCase)
        || key.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || key.Contains("password", StringComparison.OrdinalIgnoreCase)
        || key.Contains("clientstate", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"\b(Bearer|Basic|PoP)\s+[^\s,;""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    // Every query string value, unencoded spaces included: ids, tokens, validationToken, $filter (which can hold an
    // address or a subject). Over-redacting text that follows a query is the safe side.
    [GeneratedRegex(@"([?&])([^=&#\s]+)=([^&#]*)")]
    private static partial Regex QueryValue();
}

/// <summary>
/// Cleans each span's name, tags and status when it ends, before the exporters' processors see it. Span events carry no
/// content: exception recording stays off in the instrumentations, and the product's own code adds none with mail data.
/// </summary>
public sealed class ActivityScrubber : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        data.DisplayName = TelemetryScrubber.CleanText(data.DisplayName);
        foreach (var (key, value) in data.TagObjects.ToList())
        {
            var clean = TelemetryScrubber.Clean(key, value);
            if (!Equals(clean, value))
            {
                data.SetTag(key, clean);
            }
        }

        if (data.StatusDescription is { } status)
        {
            data.SetStatus(data.Status, TelemetryScrubber.CleanText(status));
        }
    }
}

/// <summary>Cleans each log record's message and template values before export.</summary>
public sealed class LogScrubber : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        var removed = new List<string>();
        if (data.Attributes is { Count: > 0 } attributes)
        {
            var clean = new List<KeyValuePair<string, object?>>(attributes.Count);
            foreach (var (key, value) in attributes)
            {
                var cleaned = TelemetryScrubber.Clean(key, value);
                if (cleaned is null && value is not null && key != "{OriginalFormat}")
                {
                    removed.Add(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                    clean.Add(new(key, TelemetryScrubber.Redacted));
                }
                else
                {
                    clean.Add(new(key, key == "{OriginalFormat}" ? value : cleaned));
                }
            }

            data.Attributes = clean;
        }

        data.FormattedMessage = Clean(data.FormattedMessage, removed);
        data.Body = Clean(data.Body, removed);
    }

    private static string? Clean(string? text, List<string> removed)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var value in removed.Where(v => v.Length > 0))
        {
            text = text.Replace(value, TelemetryScrubber.Redacted, StringComparison.Ordinal);
        }

        return TelemetryScrubber.CleanText(text);
    }
}
