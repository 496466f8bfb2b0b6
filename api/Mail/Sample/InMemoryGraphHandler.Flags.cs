using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookFollowUp.Mail.Sample;

public sealed partial class InMemoryGraphHandler
{
    private static readonly HashSet<string> FlagStatuses = new(["notFlagged", "flagged", "complete"], StringComparer.Ordinal);

    /// <summary>PATCH /me/messages/{id} with a flag, checked as Graph checks it: a due date needs a start date.</summary>
    private HttpResponseMessage PatchMessage(GraphRequest request, string id, string? body)
    {
        if (!request.ImmutableIds)
        {
            Problems.Enqueue($"PATCH {request.Uri}: sent without Prefer: IdType=\"ImmutableId\"; the immutable id would not be understood.");
        }

        JsonObject? patch;
        try
        {
            patch = body is null ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            patch = null;
        }

        // OData annotations (the SDK sends "@odata.type") may stand beside the properties, as Graph accepts.
        if (patch?["flag"] is not JsonObject flag || patch.Any(p => p.Key != "flag" && !p.Key.StartsWith('@')))
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", "The in-memory mailbox updates only a message's flag.");
        }

        var status = flag["flagStatus"]?.GetValue<string>();
        if (status is null || !FlagStatuses.Contains(status))
        {
            return Error(HttpStatusCode.BadRequest, "ErrorInvalidRequest", $"Invalid flagStatus '{status}'.");
        }

        if (flag["dueDateTime"] is not null && flag["startDateTime"] is null)
        {
            // Graph's own answer to a due date without a start date.
            return Error(HttpStatusCode.BadRequest, "ErrorInvalidRequest", "The StartDate must be set when the DueDate is set.");
        }

        var updated = Mailbox.Update(id, message => message["flag"] = flag.DeepClone());
        return updated is null
            ? Error(HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.")
            : Json(request, updated);
    }

    [GeneratedRegex(@"^me/messages/([^/]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex MessagePath();
}
