using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.GraphSimulator;

public sealed partial class InMemoryGraphHandler
{
    /// <summary>Graph takes at most 20 requests in one JSON batch.</summary>
    public const int MaxBatchRequests = 20;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _batchParts = new();

    /// <summary>Every part of every $batch as it was dispatched (URLs percent-encoded), in order ("GET /me/messages?…"): tests count retries with it.</summary>
    public IReadOnlyList<string> BatchParts => [.. _batchParts];

    /// <summary>POST /$batch: each part is served by this mailbox's own routes and answers with its own status and headers.</summary>
    private HttpResponseMessage Batch(GraphRequest request, string? body)
    {
        JsonArray? parts;
        try
        {
            parts = body is null ? null : (JsonNode.Parse(body) as JsonObject)?["requests"] as JsonArray;
        }
        catch (JsonException)
        {
            parts = null;
        }

        if (parts is null || parts.Count == 0)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", "A $batch needs a JSON body with a non-empty 'requests' array.");
        }

        if (parts.Count > MaxBatchRequests)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"The number of batch requests exceeds the limit of {MaxBatchRequests}.");
        }

        var responses = new JsonArray();
        foreach (var part in parts.OfType<JsonObject>())
        {
            responses.Add(Part(request, part));
        }

        return Json(request, new JsonObject { ["responses"] = responses });
    }

    private JsonObject Part(GraphRequest batch, JsonObject part)
    {
        var id = part["id"]?.GetValue<string>() ?? "";
        var method = part["method"]?.GetValue<string>() ?? "GET";
        var url = part["url"]?.GetValue<string>() ?? "";
        _batchParts.Enqueue($"{method} {url}");
        using var message = new HttpRequestMessage(new HttpMethod(method), $"{batch.Uri.GetLeftPart(UriPartial.Authority)}{batch.BasePath}/{url.TrimStart('/')}");
        foreach (var (name, value) in part["headers"] as JsonObject ?? [])
        {
            // A header with several values comes as an array of strings.
            IEnumerable<string> values = value is JsonArray many ? [.. many.Select(v => v?.ToString() ?? "")] : [value?.ToString() ?? ""];
            message.Headers.TryAddWithoutValidation(name, values);
        }

        // A part the fault script picks answers with its own status and headers, as Graph throttles one part of a batch.
        var request = new GraphRequest(message);
        NoteRouteRequest(request);
        using var response = Faults.Take(FaultScope.Part, Call(message, request))?.AnswerNow!() ?? Route(request, part["body"]?.ToJsonString());
        var headers = new JsonObject();
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        using var reader = new StreamReader(response.Content.ReadAsStream()); // in-memory content: read synchronously
        var text = reader.ReadToEnd();
        var answer = new JsonObject { ["id"] = id, ["status"] = (int)response.StatusCode, ["headers"] = headers };
        if (text.Length > 0)
        {
            answer["body"] = JsonBody(text) ?? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)); // as Graph sends a part's body that is not JSON
        }

        return answer;
    }

    private static JsonNode? JsonBody(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
