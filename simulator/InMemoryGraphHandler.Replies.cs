using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookFollowUp.GraphSimulator;

public sealed partial class InMemoryGraphHandler
{
    /// <summary>
    /// POST /me/messages/{id}/createReplyAll: a draft in Drafts, in the original's conversation, to everyone on it but
    /// the mailbox owner, with the comment as its body (Graph quotes the original below it; tests read the comment).
    /// </summary>
    private HttpResponseMessage CreateReplyAll(GraphRequest request, string id, string? body)
    {
        if (!request.ImmutableIds)
        {
            Problems.Enqueue($"POST {request.Uri}: sent without Prefer: IdType=\"ImmutableId\"; the draft's id would change when it is sent.");
        }

        JsonObject? payload;
        try
        {
            // The SDK writes the action's parameter as the CSDL spells it ("Comment"); Graph reads names case-insensitively.
            payload = body is null ? null : JsonNode.Parse(body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject;
        }
        catch (JsonException)
        {
            payload = null;
        }

        // OData annotations (the SDK sends "@odata.type") may stand beside the comment, as Graph accepts; so may a
        // "message" that sets the draft's recipients (Graph applies its writable properties to the draft).
        if (payload is null || payload["comment"] is not JsonValue comment
            || payload.Any(p => !p.Key.Equals("comment", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("message", StringComparison.OrdinalIgnoreCase) && !p.Key.StartsWith('@'))
            || (payload["message"] is { } m && (m is not JsonObject set || set.Any(p => p.Key is not ("toRecipients" or "ccRecipients") && !p.Key.StartsWith('@')))))
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", "The in-memory mailbox creates replies from a comment and recipients only.");
        }

        if (Mailbox.Find(id) is not { } original)
        {
            return Error(HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");
        }

        var draft = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.message",
            ["id"] = $"draft-{Guid.NewGuid():N}",
            ["conversationId"] = original["conversationId"]?.DeepClone(),
            ["subject"] = "RE: " + original["subject"]?.GetValue<string>(),
            ["isDraft"] = true,
            ["isRead"] = true,
            ["toRecipients"] = Others([original["from"], .. original["toRecipients"] as JsonArray ?? []]),
            ["ccRecipients"] = Others([.. original["ccRecipients"] as JsonArray ?? []]),
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = comment.GetValue<string>() },
        };
        if (payload["message"] is JsonObject recipients)
        {
            foreach (var field in new[] { "toRecipients", "ccRecipients" })
            {
                if (recipients[field] is JsonArray chosen)
                {
                    draft[field] = new JsonArray([.. chosen.Select(r => r?.DeepClone())]);
                }
            }
        }

        Mailbox.Put("drafts", draft);
        return new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent(draft.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    /// <summary>
    /// POST /me/messages/{id}/send of a draft: the sent copy lands in Sent Items under the same immutable id, dated now,
    /// and keeps what the draft carried, the add-in's custom properties included (the compose mark travels this way).
    /// </summary>
    private HttpResponseMessage Send(GraphRequest request, string id)
    {
        if (!request.ImmutableIds)
        {
            Problems.Enqueue($"POST {request.Uri}: sent without Prefer: IdType=\"ImmutableId\"; the sent copy's id would differ from the draft's.");
        }

        if (Mailbox.Find(id) is not { } draft || draft["isDraft"]?.GetValue<bool>() != true)
        {
            return Error(HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");
        }

        var now = Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        draft["isDraft"] = false;
        draft["sentDateTime"] = now;
        draft["receivedDateTime"] = now;
        draft["from"] ??= new InMemoryAddress(Mailbox.Mail).ToJson();
        Mailbox.Remove("drafts", id);
        Mailbox.Put("sentitems", draft);
        return new HttpResponseMessage(HttpStatusCode.Accepted);
    }

    /// <summary>Recipients without the mailbox owner: nobody replies to themselves.</summary>
    private JsonArray Others(IEnumerable<JsonNode?> recipients) => new([.. recipients
        .OfType<JsonObject>()
        .Where(r => !string.Equals(r["emailAddress"]?["address"]?.GetValue<string>(), Mailbox.Mail, StringComparison.OrdinalIgnoreCase))
        .Select(r => r.DeepClone())]);

    [GeneratedRegex(@"^me/messages/([^/]+)/(?:microsoft\.graph\.)?createReplyAll$", RegexOptions.IgnoreCase)]
    private static partial Regex CreateReplyAllPath();

    [GeneratedRegex(@"^me/messages/([^/]+)/(?:microsoft\.graph\.)?send$", RegexOptions.IgnoreCase)]
    private static partial Regex SendPath();
}
