using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace OutlookFollowUp.GraphSimulator;

/// <summary>The query options the in-memory Graph understands; anything else is refused with a 400, as Graph would.</summary>
/// <param name="Select">Null means every property.</param>
/// <param name="ExpandPropertyIds">Extended property ids from <c>$expand=singleValueExtendedProperties($filter=...)</c>; null when not expanded.</param>
internal sealed partial record ODataQuery(
    IReadOnlyList<string>? Select,
    IReadOnlyList<string>? ExpandPropertyIds,
    DateTimeOffset? ReceivedSince,
    string? ConversationId)
{
    /// <summary>Message, outlookItem and entity properties of Graph v1.0 (the CSDL); $select of anything else is a 400.</summary>
    internal static readonly HashSet<string> MessageProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "categories", "changeKey", "createdDateTime", "lastModifiedDateTime", "bccRecipients", "body", "bodyPreview",
        "ccRecipients", "conversationId", "conversationIndex", "flag", "from", "hasAttachments", "importance",
        "inferenceClassification", "internetMessageHeaders", "internetMessageId", "isDeliveryReceiptRequested", "isDraft",
        "isRead", "isReadReceiptRequested", "parentFolderId", "receivedDateTime", "replyTo", "sender", "sentDateTime",
        "subject", "toRecipients", "uniqueBody", "webLink",
    };

    /// <returns>The query, or an error message for a 400.</returns>
    public static (ODataQuery? Query, string? Error) Parse(string queryString, IReadOnlySet<string> knownProperties)
    {
        var query = QueryHelpers.ParseQuery(queryString);
        var unknownOption = query.Keys.FirstOrDefault(k => k.StartsWith('$') && k is not ("$select" or "$expand" or "$filter" or "$skiptoken" or "$deltatoken"));
        if (unknownOption is not null)
        {
            return (null, $"The query option '{unknownOption}' is not supported by the in-memory mailbox.");
        }

        string[]? select = query.TryGetValue("$select", out var s) ? s.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        if (select?.FirstOrDefault(p => !knownProperties.Contains(p)) is { } unknown)
        {
            return (null, $"Could not find a property named '{unknown}' on type 'microsoft.graph.message'.");
        }

        List<string>? expandIds = null;
        if (query.TryGetValue("$expand", out var e))
        {
            var match = ExpandPattern().Match(e.ToString());
            if (!match.Success)
            {
                return (null, $"Parsing OData Select and Expand failed: unsupported $expand '{e}'.");
            }

            expandIds = [.. PropertyIdPattern().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value)];
        }

        if (!query.TryGetValue("$filter", out var f))
        {
            return (new ODataQuery(select, expandIds, null, null), null);
        }

        if (ReceivedPattern().Match(f.ToString()) is { Success: true } received &&
            DateTimeOffset.TryParse(received.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            return (new ODataQuery(select, expandIds, since, null), null);
        }

        if (ConversationPattern().Match(f.ToString()) is { Success: true } conversation)
        {
            return (new ODataQuery(select, expandIds, null, conversation.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)), null);
        }

        return (null, $"Unsupported $filter '{f}'.");
    }

    [GeneratedRegex(@"^\s*singleValueExtendedProperties\(\$filter=(.+)\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExpandPattern();

    [GeneratedRegex(@"id\s+eq\s+'([^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex PropertyIdPattern();

    [GeneratedRegex(@"^\s*receivedDateTime\s+(?:ge|gt)\s+(\S+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReceivedPattern();

    [GeneratedRegex(@"^\s*conversationId\s+eq\s+'((?:[^']|'')*)'\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ConversationPattern();
}
