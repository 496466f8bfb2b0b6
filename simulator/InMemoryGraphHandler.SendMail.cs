using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.GraphSimulator;

public sealed partial class InMemoryGraphHandler
{
    /// <summary>Every message sent with <c>POST /me/sendMail</c>, as Graph received it (the request's <c>message</c>).</summary>
    public ConcurrentQueue<JsonObject> SentMail { get; } = new();

    /// <summary>
    /// POST /me/sendMail: checked as Graph checks it (a message with at least one recipient), recorded in
    /// <see cref="SentMail"/>, answered 202 with no body. A copy goes to Sent Items only when <c>saveToSentItems</c> is
    /// not false, as Graph does.
    /// </summary>
    private HttpResponseMessage SendMail(GraphRequest request, string? body)
    {
        JsonObject? payload;
        try
        {
            // The SDK spells the action's parameters as Graph's metadata does ("Message", "SaveToSentItems"); Graph reads them in any case.
            payload = body is null ? null : JsonNode.Parse(body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject;
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload?["message"] is not JsonObject message
            || message["toRecipients"] is not JsonArray { Count: > 0 } to
            || to.Any(r => r?["emailAddress"]?["address"]?.GetValue<string>() is not { Length: > 0 }))
        {
            return Refuse(request, HttpStatusCode.BadRequest, "ErrorInvalidRecipients", "sendMail needs a message with at least one recipient.");
        }

        SentMail.Enqueue((JsonObject)message.DeepClone());
        if (payload["saveToSentItems"]?.GetValue<bool>() is not false)
        {
            Problems.Enqueue($"POST {request.Uri}: sent with a copy in Sent Items; the product's own mail would be read back as a follow-up.");
        }

        return new HttpResponseMessage(HttpStatusCode.Accepted);
    }
}
