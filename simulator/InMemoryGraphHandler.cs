using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookFollowUp.GraphSimulator;

/// <summary>
/// Serves an <see cref="InMemoryMailbox"/> as Microsoft Graph v1.0 would, in process, to the same SDK code:
/// the built-in sample mailbox (local mode) and the tests. Honours $select, $expand of extended properties,
/// <c>Prefer: odata.maxpagesize</c>, delta with next/delta links and @removed, and the receivedDateTime and
/// conversationId filters, flag and extended-property PATCHes, createReplyAll, sending a draft, sendMail, JSON <c>$batch</c>, getMailTips (automatic replies) and the people API's search (phones). A request it does not serve gets a Graph-style error and lands in <see cref="Problems"/>.
/// <see cref="Faults"/> scripts Graph's failures; <see cref="Requests"/> records what was asked.
/// </summary>
public sealed partial class InMemoryGraphHandler(InMemoryMailbox mailbox) : HttpMessageHandler
{
    /// <summary>Graph answers with 10 messages a page unless asked otherwise.</summary>
    public const int DefaultPageSize = 10;

    private static readonly HashSet<string> WellKnownFolders =
        new(["inbox", "sentitems", "drafts", "deleteditems", "archive", "junkemail"], StringComparer.OrdinalIgnoreCase);

    public InMemoryMailbox Mailbox { get; } = mailbox;

    /// <summary>Dates what the mailbox stamps itself (a sent copy's time).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Requests this mailbox could not serve, or served although they broke a rule of this app (no ImmutableId).</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    private async Task<HttpResponseMessage> ServeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        await LatencyAsync(request, body, cancellationToken);
        return await RouteSubscriptionsAsync(new GraphRequest(request), body, cancellationToken) ?? Route(new GraphRequest(request), body);
    }

    private HttpResponseMessage Route(GraphRequest request, string? body)
    {
        if (request.Method == HttpMethod.Patch && MessagePath().Match(request.Path) is { Success: true } message)
        {
            return PatchMessage(request, message.Groups[1].Value, body);
        }

        if (request.Method == HttpMethod.Post && request.Path == "$batch")
        {
            return Batch(request, body);
        }

        if (request.Method == HttpMethod.Post && SendPath().Match(request.Path) is { Success: true } send)
        {
            return Send(request, send.Groups[1].Value);
        }

        if (request.Method == HttpMethod.Post && request.Path.Equals("me/sendMail", StringComparison.OrdinalIgnoreCase))
        {
            return SendMail(request, body);
        }

        if (request.Method == HttpMethod.Post && CreateReplyAllPath().Match(request.Path) is { Success: true } reply)
        {
            return CreateReplyAll(request, reply.Groups[1].Value, body);
        }

        if (request.Method == HttpMethod.Post && request.Path.Equals("me/getMailTips", StringComparison.OrdinalIgnoreCase))
        {
            return MailTips(request, body);
        }

        if (request.Method != HttpMethod.Get)
        {
            return Refuse(request, HttpStatusCode.MethodNotAllowed, "Request_BadRequest", $"{request.Method} is not served by the in-memory mailbox.");
        }

        if (RouteAnswerRoutes(request) is { } answerRoutes)
        {
            return answerRoutes;
        }

        if (request.Path.Equals("me", StringComparison.OrdinalIgnoreCase))
        {
            return Me(request);
        }

        if (request.Path.Equals("me/people", StringComparison.OrdinalIgnoreCase))
        {
            return People(request);
        }

        if (request.Path.Equals("me/mailboxSettings", StringComparison.OrdinalIgnoreCase))
        {
            return Json(request, MailboxSettings());
        }

        if (request.Path.StartsWith("me/messages/", StringComparison.OrdinalIgnoreCase) && request.QueryValue("$select") is not null)
        {
            // The id as sent, '/' included once unescaped (standard base64 ids hold it; Graph's own are URL-safe).
            return WebLink(request, request.Path["me/messages/".Length..]);
        }

        if (DeltaPath().Match(request.Path) is { Success: true } delta)
        {
            var folder = delta.Groups[1].Value;
            return WellKnownFolders.Contains(folder)
                ? Messages(request, folder.ToLowerInvariant())
                : Refuse(request, HttpStatusCode.NotFound, "ErrorInvalidIdMalformed", $"No folder '{folder}' in the in-memory mailbox.");
        }

        return request.Path.Equals("me/messages", StringComparison.OrdinalIgnoreCase)
            ? Messages(request, folder: null)
            : Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"The in-memory mailbox does not serve /{request.Path}.");
    }

    private HttpResponseMessage Me(GraphRequest request)
    {
        var user = new JsonObject
        {
            ["id"] = "00000000-0000-0000-0000-000000000001",
            ["mail"] = Mailbox.Mail,
            ["userPrincipalName"] = Mailbox.UserPrincipalName,
            ["proxyAddresses"] = new JsonArray([.. Mailbox.ProxyAddresses.Select(p => JsonValue.Create(p))]),
            ["displayName"] = Mailbox.DisplayName,
        };
        var select = request.QueryValue("$select")?.Split(',', StringSplitOptions.TrimEntries);
        if (select is not null)
        {
            foreach (var key in user.Select(p => p.Key).Where(k => k != "id" && !select.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList())
            {
                user.Remove(key);
            }
        }

        return Json(request, user);
    }

    internal HttpResponseMessage Refuse(GraphRequest request, HttpStatusCode status, string code, string message)
    {
        Problems.Enqueue($"{request.Method} {request.Uri}: {message}");
        return Error(status, code, message);
    }

    internal static HttpResponseMessage Error(HttpStatusCode status, string code, string message) => new(status)
    {
        Content = new StringContent(
            new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(),
            Encoding.UTF8,
            "application/json"),
    };

    internal static HttpResponseMessage Json(GraphRequest request, JsonObject body, int? pageSize = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (pageSize is not null && request.MaxPageSize is not null)
        {
            response.Headers.Add("Preference-Applied", $"odata.maxpagesize={pageSize}");
        }

        return response;
    }

    [GeneratedRegex(@"^me/mailFolders(?:/|\(')([^/'()]+)'?\)?/messages/(?:microsoft\.graph\.)?delta(?:\(\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex DeltaPath();
}
