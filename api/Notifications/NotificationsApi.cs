using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace OutlookFollowUp.Notifications;

/// <summary>
/// Graph's callbacks: <c>POST /api/graph/notifications</c> and <c>POST /api/graph/lifecycle</c>. Anonymous (Graph sends
/// no bearer token): each entry authenticates with its subscription's client state. A validation request
/// (<c>?validationToken=</c>, empty text/plain body) gets the token back as text/plain; a notification batch is
/// persisted as sync requests and answered 202 at once, the syncs run in the background.
/// </summary>
public static class NotificationsApi
{
    /// <summary>Graph's batches are small; this bounds what a forger can make the API read.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>More entries than Graph puts in one post: the batch is refused whole.</summary>
    public const int MaxEntries = 1000;

    internal const string RateLimitPolicy = "graph-callbacks";

    public static RouteGroupBuilder MapGraphNotifications(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/graph").WithTags("Notifications").AllowAnonymous().RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery();
        group.MapPost("/notifications", ReceiveAsync).WithName("GraphNotifications")
            .WithSummary("Graph change notifications (and the subscription's validation request).");
        group.MapPost("/lifecycle", ReceiveAsync).WithName("GraphLifecycleNotifications")
            .WithSummary("Graph lifecycle notifications: reauthorizationRequired, subscriptionRemoved, missed.");
        return group;
    }

    /// <summary>
    /// At most 32 callbacks at work per instance, the rest queued (each takes a few milliseconds): a burst or a flood
    /// never takes more than 32 database connections from the pool; past the queue, 429.
    /// </summary>
    internal static IServiceCollection AddGraphCallbackRateLimit(this IServiceCollection services) =>
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(RateLimitPolicy, _ =>
            RateLimitPartition.GetConcurrencyLimiter("graph", _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = 32,
                QueueLimit = 5000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })));

    internal static async Task<Results<ContentHttpResult, Accepted, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, [FromQuery] string? validationToken, NotificationIntake intake, CancellationToken ct)
    {
        if (validationToken is not null)
        {
            // Echoed exactly, as text/plain (never HTML): Graph compares it byte for byte.
            return TypedResults.Text(validationToken, "text/plain", System.Text.Encoding.UTF8, StatusCodes.Status200OK);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = await ReadBoundedAsync(request.Body, ct);
        if (body is null)
        {
            return TooLarge();
        }

        var (entries, problem) = Parse(body);
        if (problem is not null)
        {
            return TypedResults.Problem(title: "Not a Graph notification collection.", detail: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        await intake.AcceptAsync(entries!, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        title: "The body is too large.", detail: $"Graph notification posts are at most {MaxBodyBytes / 1024} KB here.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>The body, or null once it passes <see cref="MaxBodyBytes"/> (a chunked body has no length up front).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The entries with a subscription id; a body that is not <c>{"value":[...]}</c> is a problem named in a sentence.</summary>
    internal static (IReadOnlyList<NotificationEntry>? Entries, string? Problem) Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                return (null, "The body must be a JSON object with a \"value\" array.");
            }

            if (value.GetArrayLength() > MaxEntries)
            {
                return (null, $"At most {MaxEntries} notifications are accepted in one post.");
            }

            var entries = new List<NotificationEntry>();
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && Text(item, "subscriptionId") is { Length: > 0 and <= 200 } id)
                {
                    entries.Add(new NotificationEntry(id, Text(item, "clientState"), Text(item, "lifecycleEvent")));
                }
            }

            return (entries, null);
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON.");
        }
        catch (InvalidOperationException)
        {
            // What reading a string throws for bytes that are not UTF-8 or an escaped half of a surrogate pair.
            return (null, "The body holds text that is not valid Unicode (invalid UTF-8, or a lone surrogate such as \\ud800).");
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
