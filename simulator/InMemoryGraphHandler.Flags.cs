using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookFollowUp.GraphSimulator;

public sealed partial class InMemoryGraphHandler
{
    private static readonly HashSet<string> FlagStatuses = new(["notFlagged", "flagged", "complete"], StringComparer.Ordinal);

    /// <summary>
    /// PATCH /me/messages/{id} with a flag and/or single-value extended properties (Outlook's reminder), checked as Graph
    /// checks them: a due date needs a start date, a property value must fit its type.
    /// </summary>
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
        if (patch is null
            || patch.Any(p => p.Key is not ("flag" or "singleValueExtendedProperties") && !p.Key.StartsWith('@'))
            || (patch["flag"] is null && patch["singleValueExtendedProperties"] is null))
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", "The in-memory mailbox updates only a message's flag and extended properties.");
        }

        if (patch["flag"] is { } flagNode && FlagProblem(flagNode) is { } flagError)
        {
            return flagError;
        }

        if (ExtendedPropertiesProblem(patch["singleValueExtendedProperties"], out var properties) is { } propertyError)
        {
            return propertyError;
        }

        var updated = Mailbox.Update(id, message =>
        {
            if (patch["flag"] is JsonObject flag)
            {
                message["flag"] = flag.DeepClone();
            }

            SetExtendedProperties(message, properties);
        });
        return updated is null
            ? Error(HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.")
            : Json(request, updated);
    }

    private static HttpResponseMessage? FlagProblem(JsonNode flagNode)
    {
        if (flagNode is not JsonObject flag)
        {
            return Error(HttpStatusCode.BadRequest, "ErrorInvalidRequest", "flag must be an object.");
        }

        var status = (flag["flagStatus"] as JsonValue)?.TryGetValue<string>(out var text) == true ? text : null;
        if (status is null || !FlagStatuses.Contains(status))
        {
            return Error(HttpStatusCode.BadRequest, "ErrorInvalidRequest", $"Invalid flagStatus '{status}'.");
        }

        // Graph's own answer to a due date without a start date.
        return flag["dueDateTime"] is not null && flag["startDateTime"] is null
            ? Error(HttpStatusCode.BadRequest, "ErrorInvalidRequest", "The StartDate must be set when the DueDate is set.")
            : null;
    }

    /// <summary>Each property needs an id Graph understands and a value of its type (Boolean, SystemTime, String).</summary>
    private static HttpResponseMessage? ExtendedPropertiesProblem(JsonNode? node, out List<(string Id, string Value)> properties)
    {
        properties = [];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            return Error(HttpStatusCode.BadRequest, "ErrorInvalidRequest", "singleValueExtendedProperties must be an array.");
        }

        foreach (var item in array)
        {
            var id = (item?["id"] as JsonValue)?.TryGetValue<string>(out var i) == true ? i : null;
            var value = (item?["value"] as JsonValue)?.TryGetValue<string>(out var v) == true ? v : null;
            if (id is null || value is null || !ValidPropertyValue(id, value))
            {
                return Error(HttpStatusCode.BadRequest, "ErrorInvalidExtendedPropertyValue", $"Invalid extended property '{id}' = '{value}'.");
            }

            properties.Add((NormalizePropertyId(id), value));
        }

        return null;
    }

    private static bool ValidPropertyValue(string id, string value)
    {
        var type = id.TrimStart().Split(' ', 2)[0];
        return type.ToLowerInvariant() switch
        {
            "boolean" => value is "true" or "false",
            "systemtime" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            "string" => true,
            _ => false,
        };
    }

    /// <summary>A property set again replaces its earlier value, as in Exchange.</summary>
    private static void SetExtendedProperties(JsonObject message, List<(string Id, string Value)> properties)
    {
        if (properties.Count == 0)
        {
            return;
        }

        var existing = message["singleValueExtendedProperties"] as JsonArray ?? [];
        var kept = existing.OfType<JsonObject>()
            .Where(p => !properties.Any(n => string.Equals(n.Id, NormalizePropertyId(p["id"]?.GetValue<string>() ?? ""), StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.DeepClone());
        message["singleValueExtendedProperties"] = new JsonArray([.. kept, .. properties.Select(p => new JsonObject { ["id"] = p.Id, ["value"] = p.Value })]);
    }

    [GeneratedRegex(@"^me/messages/([^/]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex MessagePath();
}
