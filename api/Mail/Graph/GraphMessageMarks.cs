using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Graph.Models;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>What a Graph message carries for reminders beyond the engine's record: its flag and the compose mark.</summary>
public static partial class GraphMessageMarks
{
    /// <summary>The custom property that <b>Remind me if no reply</b> puts on the draft.</summary>
    public const string FollowupRemind = "followupRemind";

    /// <param name="customPropertiesProperty">The id the add-in's custom properties were requested with.</param>
    /// <param name="readComposeMark">Only sent mail carries the mark that matters (the sent copy keeps the draft's).</param>
    public static MessageMarks Of(Message message, string customPropertiesProperty, bool readComposeMark)
    {
        var id = message.Id ?? throw new MailResponseException("Graph returned a message without an id.");
        var mark = readComposeMark ? ComposeMark(message.SingleValueExtendedProperties, customPropertiesProperty) : null;
        return new MessageMarks(id, Flag(message.Flag?.FlagStatus), mark);
    }

    private static OutlookFlagStatus Flag(FollowupFlagStatus? status) => status switch
    {
        FollowupFlagStatus.Flagged => OutlookFlagStatus.Flagged,
        FollowupFlagStatus.Complete => OutlookFlagStatus.Complete,
        _ => OutlookFlagStatus.NotFlagged,
    };

    /// <summary>
    /// The value of <c>followupRemind</c> in the add-in's custom properties (one JSON object of name-value pairs), or null
    /// when there is none or the JSON is broken: a mark that cannot be read is no mark, never a failed sync.
    /// </summary>
    private static string? ComposeMark(List<SingleValueLegacyExtendedProperty>? properties, string customPropertiesProperty)
    {
        var wanted = Normalized(customPropertiesProperty);
        var json = properties?.FirstOrDefault(p => p.Id is not null && Normalized(p.Id) == wanted)?.Value;
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(FollowupRemind, out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } text
                ? text.Trim()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Graph spells a named property's id its own way (GUID case, spacing): compare them normalized.</summary>
    internal static string Normalized(string id) => Spaces().Replace(id.Trim(), " ").ToLowerInvariant();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
