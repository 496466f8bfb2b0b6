using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookFollowUp.GraphSimulator;

public sealed partial class InMemoryGraphHandler
{
    /// <summary>As Graph: a page of chats, or of a chat's messages, holds at most 50.</summary>
    public const int MaxChatPage = 50;

    private readonly ConcurrentQueue<string> _routeRequests = new();

    /// <summary>Every chats, chat messages and calendar view request received (batch parts and faulted ones included), in order: tests count them.</summary>
    public IReadOnlyList<string> RouteRequests => [.. _routeRequests];

    private static bool IsAnswerRoute(string path) =>
        path.StartsWith("me/chats", StringComparison.OrdinalIgnoreCase) || path.Equals("me/calendarView", StringComparison.OrdinalIgnoreCase);

    /// <summary>Counted as it arrives, before the fault script answers it.</summary>
    private void NoteRouteRequest(GraphRequest request)
    {
        if (request.Method == HttpMethod.Get && IsAnswerRoute(request.Path))
        {
            _routeRequests.Enqueue($"GET {request.Path}{request.Uri.Query}");
        }
    }

    /// <summary>GET /me/chats, /me/chats/{id}/messages and /me/calendarView; null for any other request.</summary>
    private HttpResponseMessage? RouteAnswerRoutes(GraphRequest request)
    {
        var path = request.Path;
        if (!IsAnswerRoute(path))
        {
            return null;
        }

        if (path.Equals("me/calendarView", StringComparison.OrdinalIgnoreCase))
        {
            return CalendarView(request);
        }

        if (!Mailbox.ChatReadGranted)
        {
            return Error(HttpStatusCode.Forbidden, "Forbidden", "Missing scope permissions on the request. API requires one of 'Chat.Read, Chat.ReadWrite'.");
        }

        return path.Equals("me/chats", StringComparison.OrdinalIgnoreCase) ? Chats(request)
            : ChatMessagesPath().Match(path) is { Success: true } m ? ChatMessages(request, m.Groups[1].Value)
            : Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"The in-memory mailbox does not serve /{path}.");
    }

    /// <summary>
    /// GET /me/chats with <c>$expand</c> (members, lastMessagePreview), <c>$orderby=lastMessagePreview/createdDateTime desc</c>
    /// (the only order Graph takes), <c>$top</c> up to 50 and <c>$skiptoken</c>; the next link carries the query along.
    /// </summary>
    private HttpResponseMessage Chats(GraphRequest request)
    {
        if (request.Query.Keys.FirstOrDefault(k => k.StartsWith('$') && k is not ("$expand" or "$orderby" or "$top" or "$skiptoken")) is { } option)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"The query option '{option}' is not supported on chats by the in-memory mailbox.");
        }

        var expand = (request.QueryValue("$expand") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (expand.FirstOrDefault(e => e is not ("members" or "lastMessagePreview")) is { } unknown)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"Expanding '{unknown}' is not supported on chats.");
        }

        var order = request.QueryValue("$orderby");
        if (order is not null && !order.Equals("lastMessagePreview/createdDateTime desc", StringComparison.Ordinal))
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"Chats can be ordered by lastMessagePreview/createdDateTime desc only, not '{order}'.");
        }

        if (Top(request) is not { } top)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"The limit of '{MaxChatPage}' for Top query has been exceeded.");
        }

        var chats = Mailbox.Chats.AsEnumerable();
        chats = order is null ? chats.OrderBy(c => c.Id, StringComparer.Ordinal) : chats.OrderByDescending(c => c.LastMessageAt ?? DateTimeOffset.MinValue).ThenBy(c => c.Id, StringComparer.Ordinal);
        var skip = int.TryParse(request.QueryValue("$skiptoken"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var all = chats.ToList();
        var page = all.Skip(skip).Take(top).ToList();
        var body = new JsonObject { ["value"] = new JsonArray([.. page.Select(c => Chat(c, expand))]) };
        if (skip + top < all.Count)
        {
            body["@odata.nextLink"] = NextLink(request, "me/chats", skip + top);
        }

        return Json(request, body);
    }

    private static JsonObject Chat(InMemoryChat chat, string[] expand)
    {
        var json = new JsonObject { ["id"] = chat.Id, ["chatType"] = chat.ChatType, ["topic"] = null };
        if (expand.Contains("members"))
        {
            json["members"] = new JsonArray([.. chat.Members.Select(m => new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.aadUserConversationMember",
                ["id"] = $"member-{m.UserId}",
                ["roles"] = new JsonArray("owner"),
                ["displayName"] = m.DisplayName,
                ["userId"] = m.UserId,
                ["email"] = m.Email,
            })]);
        }

        if (expand.Contains("lastMessagePreview"))
        {
            InMemoryChatMessage? last;
            lock (chat.Messages)
            {
                last = chat.Messages.MaxBy(m => m.Created);
            }

            json["lastMessagePreview"] = last is null ? null : new JsonObject
            {
                ["id"] = last.Id,
                ["createdDateTime"] = Instant(last.Created),
                ["isDeleted"] = false,
                ["messageType"] = last.MessageType,
                ["from"] = From(chat, last),
                ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = "" },
            };
        }

        return json;
    }

    /// <summary>
    /// GET /me/chats/{id}/messages: <c>$top</c> up to 50, <c>$orderby</c> lastModifiedDateTime (the default) or
    /// createdDateTime, descending; a <c>$filter</c> on the same property (lastModifiedDateTime gt/lt, createdDateTime lt),
    /// ignored otherwise, as Graph does.
    /// </summary>
    private HttpResponseMessage ChatMessages(GraphRequest request, string chatId)
    {
        if (Mailbox.Chat(chatId) is not { } chat)
        {
            return Error(HttpStatusCode.NotFound, "NotFound", "No chat with this id.");
        }

        if (Top(request) is not { } top)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"The limit of '{MaxChatPage}' for Top query has been exceeded.");
        }

        var order = request.QueryValue("$orderby") ?? "lastModifiedDateTime desc";
        if (order is not ("lastModifiedDateTime desc" or "createdDateTime desc"))
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"Chat messages can be ordered by lastModifiedDateTime or createdDateTime, descending, not '{order}'.");
        }

        var byModified = order.StartsWith("lastModified", StringComparison.Ordinal);
        List<InMemoryChatMessage> messages;
        lock (chat.Messages)
        {
            messages = [.. chat.Messages];
        }

        foreach (Match clause in FilterClause().Matches(request.QueryValue("$filter") ?? ""))
        {
            var property = clause.Groups[1].Value;
            if (property.StartsWith("lastModified", StringComparison.Ordinal) != byModified)
            {
                continue; // Graph ignores a filter on another property than the order's
            }

            if (!DateTimeOffset.TryParse(clause.Groups[3].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"'{clause.Groups[3].Value}' is not a date and time.");
            }

            var greater = clause.Groups[2].Value == "gt";
            messages.RemoveAll(m => (byModified ? m.LastModified ?? m.Created : m.Created) is var value && (greater ? value <= at : value >= at));
        }

        var ordered = messages.OrderByDescending(m => byModified ? m.LastModified ?? m.Created : m.Created).ToList();
        var skip = int.TryParse(request.QueryValue("$skiptoken"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var body = new JsonObject
        {
            ["value"] = new JsonArray([.. ordered.Skip(skip).Take(top).Select(m => new JsonObject
            {
                ["id"] = m.Id,
                ["chatId"] = chat.Id,
                ["messageType"] = m.MessageType,
                ["createdDateTime"] = Instant(m.Created),
                ["lastModifiedDateTime"] = Instant(m.LastModified ?? m.Created),
                ["deletedDateTime"] = null,
                ["from"] = From(chat, m),
                ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "" },
            })]),
        };
        if (skip + top < ordered.Count)
        {
            body["@odata.nextLink"] = NextLink(request, $"me/chats/{Uri.EscapeDataString(chat.Id)}/messages", skip + top);
        }

        return Json(request, body);
    }

    private static JsonObject From(InMemoryChat chat, InMemoryChatMessage message) => new()
    {
        ["user"] = new JsonObject
        {
            ["id"] = message.FromUserId,
            ["displayName"] = chat.Members.FirstOrDefault(m => m.UserId == message.FromUserId)?.DisplayName,
            ["userIdentityType"] = "aadUser",
        },
    };

    /// <summary>$top within Graph's 50 (20 when absent); null when above it.</summary>
    private static int? Top(GraphRequest request) =>
        !int.TryParse(request.QueryValue("$top"), NumberStyles.None, CultureInfo.InvariantCulture, out var top) ? 20
        : top is >= 1 and <= MaxChatPage ? top : null;

    /// <summary>The same query with the next page's $skiptoken, every value percent-encoded.</summary>
    private static string NextLink(GraphRequest request, string path, int skip)
    {
        var query = request.Query.Where(q => q.Key != "$skiptoken")
            .Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"$skiptoken={skip.ToString(CultureInfo.InvariantCulture)}");
        return $"{request.Uri.GetLeftPart(UriPartial.Authority)}{request.BasePath}/{path}?{string.Join('&', query)}";
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^me/chats/([^/]+)/messages$", RegexOptions.IgnoreCase)]
    private static partial Regex ChatMessagesPath();

    [GeneratedRegex(@"(lastModifiedDateTime|createdDateTime)\s+(gt|lt)\s+(\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex FilterClause();
}
