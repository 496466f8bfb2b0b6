using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookFollowUp.GraphSimulator;

public sealed partial class InMemoryGraphHandler
{
    /// <summary>One page of a delta round (folder set) or of a /me/messages listing (folder null).</summary>
    private HttpResponseMessage Messages(GraphRequest request, string? folder)
    {
        if (!request.ImmutableIds)
        {
            Problems.Enqueue($"GET {request.Uri}: sent without Prefer: IdType=\"ImmutableId\"; its ids would change on every move.");
        }

        var token = request.QueryValue("$deltatoken") ?? request.QueryValue("$skiptoken");
        HttpResponseMessage? error = null;
        var cursor = token is not null ? Resume(token) : Start(request, folder, out error);
        if (cursor is null)
        {
            return error ?? Error(HttpStatusCode.Gone, "SyncStateNotFound", "The sync state or page token has expired; start again without it.");
        }

        if (folder is null && cursor.Query.ConversationId is null && cursor.Query.ReceivedSince is null)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", "The in-memory mailbox lists messages only by conversationId or receivedDateTime.");
        }

        var upTo = cursor.UpTo ?? Mailbox.Version;
        var size = Math.Clamp(request.MaxPageSize ?? DefaultPageSize, 1, 1000);
        var matching = Mailbox.Changes(folder, cursor.After, upTo, e => Includes(e, cursor), limit: size + 1, cursor.Query.ConversationId);
        var page = matching.Take(size).ToList();
        var body = new JsonObject
        {
            ["@odata.context"] = $"{request.Uri.GetLeftPart(UriPartial.Authority)}{request.BasePath}/$metadata#Collection(message)",
            ["value"] = new JsonArray([.. page.Select(e => e.Deleted ? Removed(e.Id) : Project(e.Json, cursor.Query, request.PrefersText))]),
        };
        var path = folder is null ? "me/messages" : $"me/mailFolders('{folder}')/messages/delta";
        if (matching.Count > size)
        {
            body["@odata.nextLink"] = request.Link(path, "$skiptoken", Save(cursor with { After = page[^1].Version, UpTo = upTo }));
        }
        else if (folder is not null)
        {
            body["@odata.deltaLink"] = request.Link(path, "$deltatoken", Save(cursor with { After = upTo, UpTo = null, Cold = false }));
        }

        return Json(request, body, size);
    }

    private DeltaCursor? Start(GraphRequest request, string? folder, out HttpResponseMessage? error)
    {
        var (query, problem) = ODataQuery.Parse(request.Uri.Query, ODataQuery.MessageProperties);
        error = problem is null ? null : Refuse(request, HttpStatusCode.BadRequest, "BadRequest", problem);
        return query is null ? null : new DeltaCursor(folder, query, After: 0, UpTo: Mailbox.Version, Cold: true);
    }

    private DeltaCursor? Resume(string token) => Mailbox.Cursors.TryGetValue(token, out var cursor) ? cursor : null;

    private string Save(DeltaCursor cursor)
    {
        var token = Guid.NewGuid().ToString("N");
        Mailbox.Cursors[token] = cursor;
        return token;
    }

    /// <summary>A first round shows what exists; later rounds also show deletions. The filter stays with the token, as in Graph.</summary>
    private static bool Includes(InMemoryMailbox.Entry entry, DeltaCursor cursor)
    {
        if (entry.Deleted)
        {
            return !cursor.Cold && cursor.Folder is not null;
        }

        var query = cursor.Query;
        if (query.ConversationId is not null && entry.Json["conversationId"]?.GetValue<string>() != query.ConversationId)
        {
            return false;
        }

        return query.ReceivedSince is null
            || (DateTimeOffset.TryParse(entry.Json["receivedDateTime"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var received)
                && received >= query.ReceivedSince);
    }

    private static JsonObject Removed(string id) => new()
    {
        ["@odata.type"] = "#microsoft.graph.message",
        ["id"] = id,
        ["@removed"] = new JsonObject { ["reason"] = "deleted" },
    };

    /// <summary>
    /// Only selected properties (id always); extended properties only when expanded, with Graph's own id spelling;
    /// bodies in the form the request prefers, uniqueBody only when selected (as Graph does).
    /// </summary>
    private static JsonObject Project(JsonObject message, ODataQuery query, bool preferText)
    {
        var result = new JsonObject();
        foreach (var (key, value) in message)
        {
            if (key is "body" or "uniqueBody")
            {
                if (query.Select?.Contains(key, StringComparer.OrdinalIgnoreCase) ?? key == "body")
                {
                    result[key] = InMemoryBody.Served(value, preferText);
                }

                continue;
            }

            var wanted = key is "id" or "@odata.type" or "@odata.etag"
                || (key != "singleValueExtendedProperties" && (query.Select is null || query.Select.Contains(key, StringComparer.OrdinalIgnoreCase)));
            if (wanted)
            {
                result[key] = value?.DeepClone();
            }
        }

        var wantedIds = query.ExpandPropertyIds?.Select(NormalizePropertyId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var properties = (message["singleValueExtendedProperties"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(p => (Id: NormalizePropertyId(p["id"]?.GetValue<string>() ?? ""), Value: p["value"]?.DeepClone()))
            .Where(p => wantedIds?.Contains(p.Id) == true)
            .ToList();
        if (properties.Count > 0)
        {
            result["singleValueExtendedProperties"] = new JsonArray([.. properties.Select(p => new JsonObject { ["id"] = p.Id, ["value"] = p.Value })]);
        }

        return result;
    }

    /// <summary>
    /// Graph's own spelling of a property id: "String 0x1a" for "String 0x001A", and for a named property the GUID in
    /// lower case ("Boolean {00062008-0000-0000-c000-000000000046} Id 0x8503").
    /// </summary>
    internal static string NormalizePropertyId(string id)
    {
        if (PropertyTag().Match(id) is { Success: true } tag)
        {
            return $"{tag.Groups[1].Value} 0x{tag.Groups[2].Value.ToLowerInvariant()}";
        }

        if (NamedProperty().Match(id) is { Success: true } named)
        {
            var name = named.Groups[3].Value.Equals("Id", StringComparison.OrdinalIgnoreCase)
                ? $"Id 0x{named.Groups[4].Value.TrimStart('0', 'x', 'X').ToLowerInvariant()}"
                : $"Name {named.Groups[4].Value}";
            return $"{named.Groups[1].Value} {{{named.Groups[2].Value.ToLowerInvariant()}}} {name}";
        }

        return id.Trim();
    }

    [GeneratedRegex(@"^\s*(\w+)\s+0x0*([0-9a-f]+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PropertyTag();

    [GeneratedRegex(@"^\s*(\w+)\s+\{([0-9a-f-]{36})\}\s+(Id|Name)\s+(\S+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedProperty();
}
