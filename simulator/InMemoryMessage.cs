using System.Text.Json.Nodes;

namespace OutlookFollowUp.GraphSimulator;

/// <summary>A typed way to seed a message; it becomes the same JSON Graph would return.</summary>
public sealed record InMemoryMessage
{
    public required string Id { get; init; }

    public string? InternetMessageId { get; init; }

    public string? ConversationId { get; init; }

    public string Subject { get; init; } = "";

    public InMemoryAddress? From { get; init; }

    public IReadOnlyList<InMemoryAddress> To { get; init; } = [];

    public IReadOnlyList<InMemoryAddress> Cc { get; init; } = [];

    public DateTimeOffset? ReceivedDateTime { get; init; }

    public DateTimeOffset? SentDateTime { get; init; }

    /// <summary>Internet headers; Graph usually has none for Sent Items.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Single-value MAPI properties by id, e.g. "String 0x001A" → "IPM.Note".</summary>
    public IReadOnlyDictionary<string, string> ExtendedProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>The follow-up flag's status as Graph spells it ("flagged", "complete"); null means none was ever set.</summary>
    public string? FlagStatus { get; init; }

    /// <summary>The whole body as plain text, quoted history included; null is an empty body, as a message with none answers.</summary>
    public string? Body { get; init; }

    /// <summary>The part of the body that is new in its conversation (Graph's uniqueBody); null means the whole body.</summary>
    public string? UniqueBody { get; init; }

    /// <summary>Focused Inbox's verdict as Graph spells it: "focused" or "other".</summary>
    public string InferenceClassification { get; init; } = "focused";

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.message",
            ["id"] = Id,
            ["internetMessageId"] = InternetMessageId,
            ["conversationId"] = ConversationId,
            ["subject"] = Subject,
            ["receivedDateTime"] = ReceivedDateTime?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["sentDateTime"] = SentDateTime?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["isRead"] = false,
            ["toRecipients"] = Recipients(To),
            ["ccRecipients"] = Recipients(Cc),
            ["bodyPreview"] = InMemoryBody.Preview(Body),
            ["body"] = InMemoryBody.Stored(Body),
            ["uniqueBody"] = InMemoryBody.Stored(UniqueBody ?? Body),
            ["inferenceClassification"] = InferenceClassification,
        };
        if (From is not null)
        {
            json["from"] = From.ToJson();
            json["sender"] = From.ToJson();
        }

        if (FlagStatus is not null)
        {
            json["flag"] = new JsonObject { ["flagStatus"] = FlagStatus };
        }

        if (Headers.Count > 0)
        {
            json["internetMessageHeaders"] = new JsonArray([.. Headers.Select(h => new JsonObject { ["name"] = h.Key, ["value"] = h.Value })]);
        }

        json["singleValueExtendedProperties"] = new JsonArray(
            [.. ExtendedProperties.Select(p => new JsonObject { ["id"] = p.Key, ["value"] = p.Value })]);
        return json;
    }

    private static JsonArray Recipients(IReadOnlyList<InMemoryAddress> addresses) => new([.. addresses.Select(a => a.ToJson())]);
}

public sealed record InMemoryAddress(string Address, string? Name = null)
{
    /// <summary>The follow-up flag's status as Graph spells it ("flagged", "complete"); null means none was ever set.</summary>
    public string? FlagStatus { get; init; }

    /// <summary>The whole body as plain text, quoted history included; null is an empty body, as a message with none answers.</summary>
    public string? Body { get; init; }

    /// <summary>The part of the body that is new in its conversation (Graph's uniqueBody); null means the whole body.</summary>
    public string? UniqueBody { get; init; }

    /// <summary>Focused Inbox's verdict as Graph spells it: "focused" or "other".</summary>
    public string InferenceClassification { get; init; } = "focused";

    public JsonObject ToJson() => new() { ["emailAddress"] = new JsonObject { ["name"] = Name ?? Address, ["address"] = Address } };
}
