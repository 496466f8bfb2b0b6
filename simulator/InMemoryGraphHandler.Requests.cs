namespace OutlookFollowUp.GraphSimulator;

/// <summary>One request as the simulator received it.</summary>
/// <param name="RetryAttempt">The Graph SDK's Retry-Attempt header: null on a first attempt.</param>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyList<string> Prefer, bool HasAuthorization, int? RetryAttempt);

public sealed partial class InMemoryGraphHandler
{
    private readonly Lock _requestsLock = new();
    private readonly List<RecordedRequest> _requests = [];
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Faults scripted per request, <c>$batch</c> part or notification (throttling, 5xx, hangs, malformed bodies, latency, lost notifications).</summary>
    public GraphFaults Faults { get; } = new();

    /// <summary>Every request received, faulted ones and retries included, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests { get { lock (_requestsLock) { return [.. _requests]; } } }

    /// <summary>The most requests that were being answered at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>
    /// The path of every PATCH the mailbox was sent, alone or as a part of a <c>$batch</c> ("/me/messages/{id}"): flag
    /// writes are counted the same however the client groups them.
    /// </summary>
    public IReadOnlyList<string> PatchedPaths =>
    [
        .. Requests.Where(r => r.Method == HttpMethod.Patch).Select(r => PathAfterVersion(r.Uri.AbsolutePath)),
        .. BatchParts.Where(p => p.StartsWith("PATCH ", StringComparison.Ordinal)).Select(p => "/" + p["PATCH ".Length..].Split('?')[0].TrimStart('/')),
    ];

    /// <summary>Records the request, then answers it as the fault script says, or as the mailbox does.</summary>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_requestsLock)
        {
            _requests.Add(Record(request));
        }

        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var seen = Volatile.Read(ref _maxInFlight); inFlight > seen; seen = Volatile.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, inFlight, seen) == seen)
            {
                break;
            }
        }

        try
        {
            await Task.Yield(); // a real server takes time: without it, concurrency could never be observed
            var graphRequest = new GraphRequest(request);
            NoteRouteRequest(graphRequest);
            var response = Faults.Take(FaultScope.Request, Call(request, graphRequest)) is { } fault ? await fault.ActAsync(cancellationToken) : null;
            response ??= await ServeAsync(request, cancellationToken);
            response.RequestMessage = request; // as a real transport does; the SDK's RetryHandler resends it
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static FaultCall Call(HttpRequestMessage request, GraphRequest graphRequest) =>
        new(request, request.Method, graphRequest.Path, Uri.UnescapeDataString(graphRequest.Uri.AbsoluteUri));

    private static RecordedRequest Record(HttpRequestMessage request) => new(
        request.Method,
        request.RequestUri!,
        request.Headers.TryGetValues("Prefer", out var prefer) ? [.. prefer.SelectMany(p => p.Split(',', StringSplitOptions.TrimEntries))] : [],
        request.Headers.Authorization is not null,
        request.Headers.TryGetValues("Retry-Attempt", out var attempt) ? int.Parse(attempt.First(), System.Globalization.CultureInfo.InvariantCulture) : null);

    /// <summary>"/v1.0/me/messages/x" → "/me/messages/x", so a PATCH sent alone and one sent in a batch read the same.</summary>
    private static string PathAfterVersion(string path) =>
        path.StartsWith("/v1.0/", StringComparison.Ordinal) ? path["/v1.0".Length..] : path;
}
