using System.Net;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.GraphSimulator;

public sealed partial class InMemoryGraphHandler
{
    /// <summary>What the product reads one message at a time: the digest's links, rule 9's new text and Focused Inbox's verdict.</summary>
    private static readonly HashSet<string> OneMessageProperties = new(["webLink", "uniqueBody", "inferenceClassification"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// GET /me/messages/{id}?$select=webLink,uniqueBody,inferenceClassification (any of them), as Graph answers it: the message's id, its
    /// Outlook on the web link (<c>https://outlook.office365.com/owa/?ItemID=…&amp;exvsurl=1&amp;viewmodel=ReadMessageItem</c>)
    /// and the part of its body new in the conversation, as HTML unless the request prefers text; 404 for an id the
    /// mailbox does not hold. Nothing else is served: the product reads nothing else one message at a time.
    /// </summary>
    private HttpResponseMessage WebLink(GraphRequest request, string id)
    {
        var select = request.QueryValue("$select")?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        if (select.Length == 0 || !select.All(OneMessageProperties.Contains))
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", "The in-memory mailbox serves a single message with $select of webLink, uniqueBody or inferenceClassification only.");
        }

        if (Mailbox.Find(id) is not { } message)
        {
            // Deleted since the sync: Graph's own answer, which the product handles (not a request it should not send).
            return Error(HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");
        }

        var answer = new JsonObject { ["id"] = id };
        if (select.Contains("webLink", StringComparer.OrdinalIgnoreCase))
        {
            answer["webLink"] = $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(id)}&exvsurl=1&viewmodel=ReadMessageItem";
        }

        if (select.Contains("uniqueBody", StringComparer.OrdinalIgnoreCase))
        {
            answer["uniqueBody"] = InMemoryBody.Served(message["uniqueBody"] ?? message["body"], request.PrefersText);
        }

        if (select.Contains("inferenceClassification", StringComparer.OrdinalIgnoreCase))
        {
            answer["inferenceClassification"] = message["inferenceClassification"]?.DeepClone();
        }

        return Json(request, answer);
    }
}
