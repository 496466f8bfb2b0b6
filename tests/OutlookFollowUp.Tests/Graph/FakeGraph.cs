using System.Net;
using System.Text;
using OutlookFollowUp.Mail.Sample;

namespace OutlookFollowUp.Tests.Graph;

/// <summary>One request as the fake Graph saw it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyList<string> Prefer, bool HasAuthorization, int? RetryAttempt);

/// <summary>
/// The Graph-compatible test server: the product's <see cref="InMemoryGraphHandler"/> behind a recorder and a
/// fault script (410, 429 with Retry-After, 503, slow and malformed answers). Tests assert that
/// <see cref="Problems"/> stays empty, so a request nobody prepared for fails the test.
/// </summary>
public sealed class FakeGraph : DelegatingHandler
{
    private readonly Lock _lock = new();
    private readonly List<ScriptedAnswer> _scripts = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(Func<HttpRequestMessage, bool> Match, Func<CancellationToken, Task> Until)> _holds = [];
    private int _inFlight;
    private int _maxInFlight;

    public FakeGraph(InMemoryMailbox mailbox)
        : base(new InMemoryGraphHandler(mailbox)) => Graph = (InMemoryGraphHandler)InnerHandler!;

    public InMemoryGraphHandler Graph { get; }

    public IReadOnlyCollection<string> Problems => Graph.Problems;

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_lock) { return [.. _requests]; } } }

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>
    /// The path of every PATCH the mailbox was sent, alone or as a part of a <c>$batch</c> ("/me/messages/{id}"): flag
    /// writes are counted the same however the adapter groups them.
    /// </summary>
    public IReadOnlyList<string> PatchedPaths =>
    [
        .. Requests.Where(r => r.Method == HttpMethod.Patch).Select(r => PathAfterVersion(r.Uri.AbsolutePath)),
        .. Graph.BatchParts.Where(p => p.StartsWith("PATCH ", StringComparison.Ordinal)).Select(p => "/" + p["PATCH ".Length..].Split('?')[0].TrimStart('/')),
    ];

    /// <summary>"/v1.0/me/messages/x" → "/me/messages/x", so a PATCH sent alone and one sent in a batch read the same.</summary>
    private static string PathAfterVersion(string path) =>
        path.StartsWith("/v1.0/", StringComparison.Ordinal) ? path["/v1.0".Length..] : path;

    /// <summary>The next <paramref name="times"/> matching requests get <paramref name="respond"/> instead of the mailbox.</summary>
    public void Script(Func<HttpRequestMessage, bool> match, Func<CancellationToken, Task<HttpResponseMessage>> respond, int times = 1)
    {
        lock (_lock)
        {
            _scripts.Add(new ScriptedAnswer(match, respond, times));
        }
    }

    /// <summary>
    /// Matching requests wait for <paramref name="until"/> (which the caller's cancellation cuts short, as a real
    /// transport's would), then the mailbox answers them: a request "in flight" for as long as a test needs.
    /// </summary>
    public void Hold(Func<HttpRequestMessage, bool> match, Func<CancellationToken, Task> until)
    {
        lock (_lock)
        {
            _holds.Add((match, until));
        }
    }

    public void Fail(Func<HttpRequestMessage, bool> match, HttpStatusCode status, int? retryAfterSeconds = null, int times = 1) =>
        Script(match, _ => Task.FromResult(ErrorResponse(status, retryAfterSeconds)), times);

    public void Raw(Func<HttpRequestMessage, bool> match, string json, int times = 1) =>
        Script(match, _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") }), times);

    /// <summary>Answers normally, but only after a delay that the caller's cancellation cuts short.</summary>
    public void Slow(Func<HttpRequestMessage, bool> match, TimeSpan delay, int times = 1) =>
        Script(match, async ct => { await Task.Delay(delay, ct); return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") }; }, times);

    public static bool Any(HttpRequestMessage request) => request.RequestUri is not null;

    public static Func<HttpRequestMessage, bool> UrlContains(string text) =>
        r => r.RequestUri!.ToString().Contains(text, StringComparison.OrdinalIgnoreCase);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ScriptedAnswer? script;
        Func<CancellationToken, Task>[] holds;
        lock (_lock)
        {
            _requests.Add(Record(request));
            holds = [.. _holds.Where(h => h.Match(request)).Select(h => h.Until)];
            script = _scripts.FirstOrDefault(s => s.Remaining > 0 && s.Match(request));
            if (script is not null)
            {
                script.Remaining--;
            }
        }

        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        try
        {
            // A real server takes time: without it, concurrency could never be observed.
            await Task.Yield();
            foreach (var until in holds)
            {
                await until(cancellationToken);
            }

            var response = script is null ? await base.SendAsync(request, cancellationToken) : await script.Respond(cancellationToken);
            response.RequestMessage = request; // as a real transport does; the SDK's RetryHandler resends it
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static RecordedRequest Record(HttpRequestMessage request) => new(
        request.Method,
        request.RequestUri!,
        request.Headers.TryGetValues("Prefer", out var prefer) ? [.. prefer.SelectMany(p => p.Split(',', StringSplitOptions.TrimEntries))] : [],
        request.Headers.Authorization is not null,
        request.Headers.TryGetValues("Retry-Attempt", out var attempt) ? int.Parse(attempt.First(), System.Globalization.CultureInfo.InvariantCulture) : null);

    private static HttpResponseMessage ErrorResponse(HttpStatusCode status, int? retryAfterSeconds)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent($$$"""{"error":{"code":"{{{status}}}","message":"scripted {{{(int)status}}}"}}""", Encoding.UTF8, "application/json"),
        };
        if (retryAfterSeconds is not null)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds.Value));
        }

        return response;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    private sealed class ScriptedAnswer(Func<HttpRequestMessage, bool> match, Func<CancellationToken, Task<HttpResponseMessage>> respond, int remaining)
    {
        public Func<HttpRequestMessage, bool> Match { get; } = match;

        public Func<CancellationToken, Task<HttpResponseMessage>> Respond { get; } = respond;

        public int Remaining { get; set; } = remaining;
    }
}
