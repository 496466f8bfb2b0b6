using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookFollowUp.GraphSimulator;

/// <summary>A change-notification subscription as the in-memory Graph holds it.</summary>
public sealed record InMemorySubscription(
    string Id, string Resource, string Folder, string ChangeType, Uri NotificationUrl, Uri? LifecycleNotificationUrl, string? ClientState, DateTimeOffset Expiration);

/// <summary>
/// Subscriptions as Graph serves them: POST /subscriptions (validating both URLs with a validationToken round trip when
/// a <see cref="NotificationTransport"/> is set), PATCH to renew, DELETE; lifetimes past
/// <see cref="MaxSubscriptionLifetime"/> are refused with Graph's 400. <see cref="PublishChangesAsync"/> posts a
/// notification for each mailbox change since the last call, as Graph does after a change.
/// </summary>
public sealed partial class InMemoryGraphHandler
{
    private readonly ConcurrentDictionary<string, InMemorySubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private long _published;

    /// <summary>Graph's limit for Outlook resources is 10,080 minutes; tests lower it to see the app clamp.</summary>
    public TimeSpan MaxSubscriptionLifetime { get; set; } = TimeSpan.FromMinutes(10_080);

    /// <summary>The clock expirations are checked against (tests pass their fake clock).</summary>
    public TimeProvider SubscriptionClock { get; set; } = TimeProvider.System;

    /// <summary>Delivers Graph's posts to the app (validation, notifications, lifecycle); null: no validation, no posts.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? NotificationTransport { get; set; }

    public IReadOnlyCollection<InMemorySubscription> Subscriptions => [.. _subscriptions.Values];

    /// <summary>Status codes of every notification post, in order.</summary>
    public ConcurrentQueue<HttpStatusCode> Deliveries { get; } = new();

    private async Task<HttpResponseMessage?> RouteSubscriptionsAsync(GraphRequest request, string? body, CancellationToken ct)
    {
        if (request.Path.Equals("subscriptions", StringComparison.OrdinalIgnoreCase) && request.Method == HttpMethod.Post)
        {
            return await CreateSubscriptionAsync(request, body, ct);
        }

        if (SubscriptionPath().Match(request.Path) is not { Success: true } match)
        {
            return null;
        }

        var id = match.Groups[1].Value;
        if (!_subscriptions.TryGetValue(id, out var existing))
        {
            return Error(HttpStatusCode.NotFound, "ResourceNotFound", $"The object was not found. Subscription '{id}'.");
        }

        if (request.Method == HttpMethod.Delete)
        {
            _subscriptions.TryRemove(id, out _);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }

        if (request.Method != HttpMethod.Patch)
        {
            return Refuse(request, HttpStatusCode.MethodNotAllowed, "Request_BadRequest", $"{request.Method} /subscriptions/{{id}} is not served.");
        }

        var patch = ParseObject(body);
        if (patch is null || Expiration(patch) is not { } expiration)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "InvalidRequest", "A renewal needs expirationDateTime.");
        }

        if (LifetimeProblem(expiration) is { } problem)
        {
            return problem;
        }

        var renewed = existing with { Expiration = expiration };
        _subscriptions[id] = renewed;
        return Json(request, ToJson(renewed));
    }

    private async Task<HttpResponseMessage> CreateSubscriptionAsync(GraphRequest request, string? body, CancellationToken ct)
    {
        var json = ParseObject(body);
        var resource = json?["resource"]?.GetValue<string>() ?? "";
        var folder = ResourcePattern().Match(resource) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;
        var changeType = json?["changeType"]?.GetValue<string>();
        if (json is null || folder is null || string.IsNullOrEmpty(changeType)
            || !Uri.TryCreate(json["notificationUrl"]?.GetValue<string>(), UriKind.Absolute, out var notificationUrl)
            || Expiration(json) is not { } expiration)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "InvalidRequest", "A subscription needs a mail folder resource, changeType, notificationUrl and expirationDateTime.");
        }

        if (LifetimeProblem(expiration) is { } problem)
        {
            return problem;
        }

        Uri.TryCreate(json["lifecycleNotificationUrl"]?.GetValue<string>(), UriKind.Absolute, out var lifecycleUrl);
        foreach (var url in new[] { notificationUrl, lifecycleUrl }.OfType<Uri>())
        {
            if (!await ValidatesAsync(url, ct))
            {
                return Error(HttpStatusCode.BadRequest, "ValidationError",
                    "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.");
            }
        }

        var subscription = new InMemorySubscription(
            Guid.NewGuid().ToString(), resource, folder, changeType, notificationUrl, lifecycleUrl, json["clientState"]?.GetValue<string>(), expiration);
        _subscriptions[subscription.Id] = subscription;
        var response = Json(request, ToJson(subscription));
        response.StatusCode = HttpStatusCode.Created;
        return response;
    }

    /// <summary>Graph's own refusal of a lifetime too long or in the past.</summary>
    private HttpResponseMessage? LifetimeProblem(DateTimeOffset expiration)
    {
        var now = SubscriptionClock.GetUtcNow();
        if (expiration <= now)
        {
            return Error(HttpStatusCode.BadRequest, "ExtensionError", "Subscription expiration must be in the future.");
        }

        var minutes = (int)MaxSubscriptionLifetime.TotalMinutes;
        return expiration > now + MaxSubscriptionLifetime
            ? Error(HttpStatusCode.BadRequest, "ExtensionError", $"Subscription expiration can only be {minutes.ToString(CultureInfo.InvariantCulture)} minutes in the future.")
            : null;
    }

    /// <summary>Graph's validation: POST ?validationToken=… with an empty text/plain body; the app must echo it within 10 s.</summary>
    private async Task<bool> ValidatesAsync(Uri url, CancellationToken ct)
    {
        if (NotificationTransport is null)
        {
            return true;
        }

        var token = "Validation: Testing client application reachability for subscription Request-Id: " + Guid.NewGuid();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        using var validation = new HttpRequestMessage(HttpMethod.Post, url + "?validationToken=" + Uri.EscapeDataString(token))
        {
            Content = new StringContent("", Encoding.UTF8, "text/plain"),
        };
        try
        {
            using var answer = await NotificationTransport(validation, timeout.Token);
            return answer.StatusCode == HttpStatusCode.OK && await answer.Content.ReadAsStringAsync(timeout.Token) == token;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Posts one notification per message changed since the last call, to each subscription on its folder (as Graph
    /// would; it sometimes batches, which only makes the app's work smaller). Returns how many were posted.
    /// </summary>
    public async Task<int> PublishChangesAsync(CancellationToken ct = default)
    {
        await _publishing.WaitAsync(ct);
        try
        {
            var upTo = Mailbox.Version;
            var posted = 0;
            foreach (var subscription in Subscriptions)
            {
                foreach (var change in Mailbox.Changes(subscription.Folder, _published, upTo, _ => true, int.MaxValue))
                {
                    var changeType = change.Deleted ? "deleted" : _seen.ContainsKey(change.Id) ? "updated" : "created";
                    if (!subscription.ChangeType.Split(',').Contains(changeType, StringComparer.Ordinal))
                    {
                        continue;
                    }

                    if (Dropped(subscription.NotificationUrl))
                    {
                        continue;
                    }

                    await PostAsync(subscription.NotificationUrl, Entry(subscription, changeType, change.Id), ct);
                    posted++;
                }
            }

            foreach (var change in Mailbox.Changes(null, _published, upTo, _ => true, int.MaxValue))
            {
                _seen[change.Id] = true;
            }

            _published = upTo;
            return posted;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>Sends a lifecycle event of the subscription to its lifecycle URL; <c>subscriptionRemoved</c> also drops it here.</summary>
    public async Task<HttpResponseMessage> SendLifecycleAsync(string subscriptionId, string lifecycleEvent, CancellationToken ct = default)
    {
        var subscription = _subscriptions[subscriptionId];
        if (lifecycleEvent == "subscriptionRemoved")
        {
            _subscriptions.TryRemove(subscriptionId, out _);
        }

        var entry = Entry(subscription, changeType: null, messageId: null);
        entry.Remove("changeType");
        entry["lifecycleEvent"] = lifecycleEvent;
        return await PostAsync(subscription.LifecycleNotificationUrl ?? subscription.NotificationUrl, entry, ct);
    }

    /// <summary>Skips changes made so far (a test's setup), so the next publication carries only what follows.</summary>
    public void MarkPublished()
    {
        foreach (var change in Mailbox.Changes(null, _published, Mailbox.Version, _ => true, int.MaxValue))
        {
            _seen[change.Id] = true;
        }

        _published = Mailbox.Version;
    }

    /// <summary>Whether the fault script loses this notification on the way, as Graph loses some.</summary>
    private bool Dropped(Uri notificationUrl)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, notificationUrl);
        return Faults.Take(FaultScope.Notification, new FaultCall(post, HttpMethod.Post, notificationUrl.AbsolutePath.TrimStart('/'), Uri.UnescapeDataString(notificationUrl.AbsoluteUri))) is not null;
    }

    private async Task<HttpResponseMessage> PostAsync(Uri url, JsonObject entry, CancellationToken ct)
    {
        var transport = NotificationTransport ?? throw new InvalidOperationException("Set NotificationTransport to deliver notifications.");
        using var post = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(new JsonObject { ["value"] = new JsonArray(entry) }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        var response = await transport(post, ct);
        Deliveries.Enqueue(response.StatusCode);
        return response;
    }

    private JsonObject Entry(InMemorySubscription subscription, string? changeType, string? messageId)
    {
        var entry = new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = subscription.Expiration.ToString("o", CultureInfo.InvariantCulture),
            ["changeType"] = changeType,
            ["resource"] = messageId is null ? subscription.Resource : $"Users/00000000-0000-0000-0000-000000000001/Messages/{messageId}",
            ["clientState"] = subscription.ClientState,
            ["tenantId"] = "00000000-0000-0000-0000-0000000000aa",
        };
        if (messageId is not null)
        {
            entry["resourceData"] = new JsonObject { ["@odata.type"] = "#Microsoft.Graph.Message", ["id"] = messageId };
        }

        return entry;
    }

    private static JsonObject ToJson(InMemorySubscription s) => new()
    {
        ["id"] = s.Id,
        ["resource"] = s.Resource,
        ["changeType"] = s.ChangeType,
        ["notificationUrl"] = s.NotificationUrl.ToString(),
        ["lifecycleNotificationUrl"] = s.LifecycleNotificationUrl?.ToString(),
        ["expirationDateTime"] = s.Expiration.ToString("o", CultureInfo.InvariantCulture),
        ["clientState"] = null, // Graph never returns it
    };

    private static JsonObject? ParseObject(string? body)
    {
        try
        {
            return body is null ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset? Expiration(JsonObject json) =>
        DateTimeOffset.TryParse(json["expirationDateTime"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    [GeneratedRegex(@"^subscriptions/([^/]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SubscriptionPath();

    [GeneratedRegex(@"^/?me/mailFolders(?:/|\(')([^/'()]+)'?\)?/messages$", RegexOptions.IgnoreCase)]
    private static partial Regex ResourcePattern();
}
