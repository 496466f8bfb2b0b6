using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.GraphSimulator;

/// <summary>
/// What the simulator does to a request instead of serving it (Graph's failures and the network's), or before serving
/// it (latency, a hold); and to a notification (lost on the way). Scripted with <see cref="GraphFaults"/>.
/// </summary>
public sealed class Fault
{
    /// <summary>Every error body says so, so a test can tell the simulator's text from the app's own.</summary>
    public const string Marker = "Injected";

    private readonly Func<CancellationToken, Task<HttpResponseMessage?>> _act;

    private Fault(string name, FaultKind kind, Func<CancellationToken, Task<HttpResponseMessage?>> act)
    {
        Name = name;
        Kind = kind;
        _act = act;
    }

    /// <summary>A fault that is an answer, ready at once: it fits a $batch part too.</summary>
    private Fault(string name, Func<HttpResponseMessage> answer)
        : this(name, FaultKind.Answer, _ => Task.FromResult<HttpResponseMessage?>(answer())) => AnswerNow = answer;

    public string Name { get; }

    internal FaultKind Kind { get; }

    /// <summary>A notification that never reaches the app, as Graph loses some; for <see cref="GraphMatch.Notifications"/>.</summary>
    public static Fault Drop { get; } = new("drop", FaultKind.Notification, _ => Task.FromResult<HttpResponseMessage?>(null));

    /// <summary>No answer until the caller gives up (its cancellation or timeout ends the wait).</summary>
    public static Fault Hang { get; } = new("hang", FaultKind.Transport, async ct =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        return null;
    });

    /// <summary>What HttpClient throws when its own timeout elapses.</summary>
    public static Fault TimedOut { get; } = new("timeout", FaultKind.Transport, _ => throw new TaskCanceledException(
        "The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException()));

    /// <summary>The connection reset mid-answer.</summary>
    public static Fault Reset { get; } = new("reset", FaultKind.Transport, _ => throw new HttpRequestException(
        HttpRequestError.ResponseEnded, "An error occurred while sending the request.",
        new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset))));

    /// <summary>429 with Graph's error body and its Retry-After, alone or as one part of a <c>$batch</c>.</summary>
    public static Fault Throttle(int retryAfterSeconds = 0) => Status(HttpStatusCode.TooManyRequests, retryAfterSeconds);

    /// <summary>503, as Graph answers when a backend is down (Retry-After only when given).</summary>
    public static Fault Unavailable(int? retryAfterSeconds = null) => Status(HttpStatusCode.ServiceUnavailable, retryAfterSeconds);

    /// <summary>Any of Graph's error answers: the status, Graph's error body with the code Graph uses for it, an optional Retry-After.</summary>
    public static Fault Status(HttpStatusCode status, int? retryAfterSeconds = null, string? code = null) =>
        new($"{(int)status}{(retryAfterSeconds is { } s ? $" retry-after {s}s" : "")}", () =>
        {
            var response = Content(status, new JsonObject
            {
                ["error"] = new JsonObject { ["code"] = code ?? CodeOf(status), ["message"] = $"{Marker} {(int)status}." },
            }.ToJsonString(), "application/json");
            if (retryAfterSeconds is { } seconds)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
            }

            return response;
        });

    /// <summary>200 with JSON the SDK cannot read.</summary>
    public static Fault Malformed() => Body("""{"id": "AAMk1", "subject": "x",, "value": [}""", name: "malformed");

    /// <summary>This body instead of the mailbox's (a documentation sample, a hand-made page, a gateway's HTML, nothing).</summary>
    public static Fault Body(string body, string mediaType = "application/json", HttpStatusCode status = HttpStatusCode.OK, string? name = null) =>
        new(name ?? $"{(int)status} {mediaType}", () => Content(status, body, mediaType));

    /// <summary>Served as usual after <paramref name="delay"/>, which the caller's cancellation cuts short.</summary>
    public static Fault Latency(TimeSpan delay) => Hold(ct => Task.Delay(delay, ct), $"latency {delay.TotalMilliseconds:0} ms");

    /// <summary>Served as usual once <paramref name="until"/> completes: a request in flight for as long as a test needs.</summary>
    public static Fault Hold(Func<CancellationToken, Task> until, string name = "hold") => new(name, FaultKind.Transport, async ct =>
    {
        await until(ct);
        return null;
    });

    /// <summary>Whatever <paramref name="respond"/> answers (a challenge with its own headers, a slow answer).</summary>
    public static Fault Answer(Func<CancellationToken, Task<HttpResponseMessage>> respond, string name = "answer") =>
        new(name, FaultKind.Transport, async ct => await respond(ct));

    public override string ToString() => Name;

    /// <summary>For an answer fault: the answer, made at once (a $batch part's).</summary>
    internal Func<HttpResponseMessage>? AnswerNow { get; }

    /// <summary>The answer to send instead of the mailbox's, or null to serve the request (after the fault's wait).</summary>
    internal Task<HttpResponseMessage?> ActAsync(CancellationToken ct) => _act(ct);

    private static HttpResponseMessage Content(HttpStatusCode status, string body, string mediaType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    /// <summary>The error code Graph's mail API answers with for a status.</summary>
    private static string CodeOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "ErrorInvalidRequest",
        HttpStatusCode.Unauthorized => "InvalidAuthenticationToken",
        HttpStatusCode.Forbidden => "ErrorAccessDenied",
        HttpStatusCode.NotFound or HttpStatusCode.Gone => "ErrorItemNotFound",
        HttpStatusCode.TooManyRequests => "TooManyRequests",
        HttpStatusCode.ServiceUnavailable => "ServiceNotAvailable",
        HttpStatusCode.GatewayTimeout => "GatewayTimeout",
        _ => "generalException",
    };
}

/// <summary>Where a fault can happen: an answer fits a request or a $batch part, the network only a whole request.</summary>
internal enum FaultKind
{
    Answer,
    Transport,
    Notification,
}
