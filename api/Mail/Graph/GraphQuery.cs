using Microsoft.Kiota.Abstractions;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>The exact query this app sends for messages: only what the rules need (docs/architecture.md).</summary>
public static class GraphQuery
{
    public const string Inbox = "inbox";
    public const string SentItems = "sentitems";

    /// <summary>Well-known folders that delta runs over, one delta link each.</summary>
    public static readonly IReadOnlyList<string> Folders = [Inbox, SentItems];

    /// <summary>PidTagMessageClass: auto-replies, meeting mail and reports (rule 3).</summary>
    public const string MessageClassProperty = "String 0x001A";

    /// <summary>PidTagInReplyToId: internetMessageHeaders are usually absent on Sent Items, this is not.</summary>
    public const string InReplyToProperty = "String 0x1042";

    /// <summary>PidTagInternetReferences, for the same reason.</summary>
    public const string ReferencesProperty = "String 0x1039";

    public static readonly string[] MessageSelect =
    [
        "id", "internetMessageId", "conversationId", "from", "sender", "toRecipients", "ccRecipients",
        "receivedDateTime", "sentDateTime", "subject", "internetMessageHeaders", "flag",
    ];

    /// <summary>
    /// Delta also carries what rule 9 reads for free: bodyPreview (the body's first 255 characters, text) and Focused
    /// Inbox's inferenceClassification. Delta takes any message property in <c>$select</c> (Graph's message: delta).
    /// </summary>
    public static readonly string[] DeltaSelect = [.. MessageSelect, "bodyPreview", "inferenceClassification"];

    /// <summary>One message's new text for rule 9, with the Focused Inbox signal beside it.</summary>
    public static readonly string[] UniqueBodySelect = ["uniqueBody", "inferenceClassification"];

    /// <summary>Bodies as text rather than HTML (uniqueBody included).</summary>
    public const string TextBodyPreference = "outlook.body-content-type=\"text\"";

    /// <summary>A conversation spans every folder, Drafts too: isDraft tells an unsent reply from a sent one.</summary>
    public static readonly string[] ConversationSelect = [.. MessageSelect, "isDraft"];

    /// <summary>
    /// One $expand per request, so the MAPI properties share one filter joined by <c>or</c>: the three the rules read and
    /// the add-in's custom properties (<see cref="AddInOptions.CustomPropertiesProperty"/>), where the compose mark is.
    /// </summary>
    public static string[] MessageExpand(string customPropertiesProperty) =>
    [
        $"singleValueExtendedProperties($filter=id eq '{MessageClassProperty}' or id eq '{InReplyToProperty}' or id eq '{ReferencesProperty}'"
            + $" or id eq '{customPropertiesProperty}')",
    ];

    /// <summary>Immutable ids survive moves between folders; sent on every request, every page.</summary>
    public const string ImmutableIdPreference = "IdType=\"ImmutableId\"";

    public static string MaxPageSizePreference(int pageSize) => $"odata.maxpagesize={pageSize}";

    /// <summary>The SDK does not carry request headers to the next page: every request, every page adds them.</summary>
    /// <param name="pageSize">Null where nothing is paged (a PATCH, a POST).</param>
    public static void AddPreferences(RequestHeaders headers, int? pageSize = null)
    {
        headers.Add("Prefer", ImmutableIdPreference);
        if (pageSize is { } size)
        {
            headers.Add("Prefer", MaxPageSizePreference(size));
        }
    }

    /// <summary>
    /// The same preferences as one header value, for a part of a <c>$batch</c>: the SDK writes a part's header values
    /// side by side with no separator, which would garble two Prefer values into one.
    /// </summary>
    public static void AddBatchPartPreferences(RequestHeaders headers, int? pageSize = null) =>
        headers.Add("Prefer", pageSize is { } size ? $"{ImmutableIdPreference}, {MaxPageSizePreference(size)}" : ImmutableIdPreference);

    /// <summary>A <c>$batch</c> part that reads a body: immutable ids and text bodies, as one header value.</summary>
    public static void AddTextBodyPartPreferences(RequestHeaders headers) =>
        headers.Add("Prefer", $"{ImmutableIdPreference}, {TextBodyPreference}");

    /// <summary>The only filter delta accepts; it bounds the first sync to the lookback.</summary>
    public static string ReceivedSince(DateTimeOffset since) =>
        $"receivedDateTime ge {since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
}
