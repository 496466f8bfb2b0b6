using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Graph's limits per app and mailbox, as one mailbox's requests meet them: at most
/// <see cref="GraphOptions.MaxConcurrentPerMailbox"/> at once, where a <c>$batch</c> takes as many slots as Graph runs
/// parts of it at once (up to 4), and at most <see cref="GraphOptions.MailboxRequestLimit"/> per
/// <see cref="GraphOptions.MailboxRequestWindow"/>, where every part of a batch counts. The window is a little below
/// Graph's own 10,000 per 10 minutes, so the app slows down before Graph throttles. A request the window has no room for
/// is not sent: it is answered 429 with the Retry-After the window needs, so the one retry layer and the callers wait
/// it as they wait Graph's own (background work is tried again later, never dropped). A Retry-After from Graph longer
/// than the retry layer waits (half the interactive budget) is kept for the mailbox: no request of any work goes to it
/// before then. One instance owns a mailbox's background work at a time (Storage's mailbox leases), so these counts
/// hold for the deployment.
/// </summary>
public sealed class GraphMailboxGates(IOptions<GraphOptions> options, TimeProvider time) : IMailboxThrottleHolds
{
    private readonly ConcurrentDictionary<string, MailboxGate> _gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Drops the mailbox's gate (its long wait and its window): an erased user starts again as a new one.</summary>
    public void Forget(string userKey) => _gates.TryRemove(userKey, out _);

    internal MailboxGate For(string mailboxKey) => _gates.GetOrAdd(mailboxKey, _ => new MailboxGate(options.Value));

    /// <summary>Requests (batch parts each) counted in the mailbox's window now.</summary>
    public long InWindow(string mailboxKey) => For(mailboxKey).Window.Count(time.GetUtcNow());

    internal TimeProvider Time => time;

    internal sealed class MailboxGate(GraphOptions options)
    {
        public ConcurrencyLimiter Slots { get; } = new(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentPerMailbox,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

        public RequestWindow Window { get; } = new(options.MailboxRequestLimit, options.MailboxRequestWindow);

        public int MaxSlots { get; } = options.MaxConcurrentPerMailbox;

        /// <summary>Waits the retry layer takes itself; a longer one is kept for the mailbox.</summary>
        public TimeSpan RetryLayerWait { get; } = options.InteractiveBudget / 2;

        private long _notBeforeTicks;

        /// <summary>What is left of the last long wait Graph asked of this mailbox, or null.</summary>
        public TimeSpan? Throttled(DateTimeOffset now)
        {
            var left = Interlocked.Read(ref _notBeforeTicks) - now.UtcTicks;
            return left > 0 ? TimeSpan.FromTicks(left) : null;
        }

        public void ThrottleUntil(DateTimeOffset until)
        {
            for (var seen = Interlocked.Read(ref _notBeforeTicks); until.UtcTicks > seen; seen = Interlocked.Read(ref _notBeforeTicks))
            {
                if (Interlocked.CompareExchange(ref _notBeforeTicks, until.UtcTicks, seen) == seen)
                {
                    return;
                }
            }
        }
    }
}

/// <summary>The gate in the pipeline, inside the retries (a request waiting out Retry-After holds no slot).</summary>
internal sealed class MailboxGateHandler(GraphMailboxGates gates) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var gate = gates.For(GraphHttp.MailboxOf(request));
        if (gate.Throttled(gates.Time.GetUtcNow()) is { } throttled)
        {
            return Throttled(request, throttled);
        }

        var parts = await PartsAsync(request, cancellationToken);
        using var slots = await gate.Slots.AcquireAsync(Math.Min(parts, gate.MaxSlots), cancellationToken);
        var now = gates.Time.GetUtcNow();
        if (!gate.Window.TryTake(parts, now, out var wait))
        {
            return Throttled(request, wait);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            && RetryAfter(response, now) is { } asked && asked > gate.RetryLayerWait)
        {
            gate.ThrottleUntil(now + asked);
        }

        return response;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date is { } date ? date - now : null);

    /// <summary>How many requests Graph counts: the parts of a JSON batch, else one.</summary>
    private static async Task<int> PartsAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.Method != HttpMethod.Post || request.Content is null
            || request.RequestUri?.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) != true)
        {
            return 1;
        }

        // Buffered, so the same bytes are sent (and sent again by a retry) after this read.
        var body = await request.Content.ReadAsByteArrayAsync(ct);
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("requests", out var parts) && parts.ValueKind == JsonValueKind.Array
                ? Math.Max(1, parts.GetArrayLength())
                : 1;
        }
        catch (JsonException)
        {
            return 1;
        }
    }

    private static HttpResponseMessage Throttled(HttpRequestMessage request, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            RequestMessage = request,
            Content = new StringContent(
                new System.Text.Json.Nodes.JsonObject
                {
                    ["error"] = new System.Text.Json.Nodes.JsonObject
                    {
                        ["code"] = "ApplicationThrottled",
                        ["message"] = $"This app's request window for the mailbox is full; try again in {seconds.ToString(CultureInfo.InvariantCulture)} s.",
                    },
                }.ToJsonString(),
                Encoding.UTF8,
                "application/json"),
        };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }
}

/// <summary>
/// A sliding window of request counts in 60 slots. A slot's requests count until the whole window has passed after the
/// slot's end, so the count errs on the high side by at most one slot, never on the low side.
/// </summary>
internal sealed class RequestWindow(int limit, TimeSpan window)
{
    private const int Slots = 60;

    // One more entry than slots: the oldest slot still counts while the newest fills.
    private readonly long[] _counts = new long[Slots + 1];
    private readonly long[] _slotOf = new long[Slots + 1];
    private readonly Lock _lock = new();
    private readonly long _slotTicks = Math.Max(1, window.Ticks / Slots);

    public long Count(DateTimeOffset now)
    {
        lock (_lock)
        {
            return Live(now.UtcTicks / _slotTicks).Sum(i => _counts[i]);
        }
    }

    /// <summary>Counts <paramref name="weight"/> requests now when they fit; else says how long until they would.</summary>
    public bool TryTake(int weight, DateTimeOffset now, out TimeSpan wait)
    {
        var slot = now.UtcTicks / _slotTicks;
        lock (_lock)
        {
            var live = Live(slot).OrderBy(i => _slotOf[i]).ToList();
            var used = live.Sum(i => _counts[i]);
            if (used + weight <= limit || used == 0)
            {
                var index = (int)(slot % (Slots + 1));
                if (_slotOf[index] != slot)
                {
                    (_slotOf[index], _counts[index]) = (slot, 0);
                }

                _counts[index] += weight;
                wait = TimeSpan.Zero;
                return true;
            }

            // The oldest slots leave first: wait until enough of them have.
            var excess = used + weight - limit;
            foreach (var i in live)
            {
                excess -= _counts[i];
                if (excess <= 0)
                {
                    wait = TimeSpan.FromTicks(((_slotOf[i] + Slots + 1) * _slotTicks) - now.UtcTicks);
                    return false;
                }
            }

            wait = window;
            return false;
        }
    }

    /// <summary>Slots whose requests still count at <paramref name="slot"/>.</summary>
    private IEnumerable<int> Live(long slot) =>
        Enumerable.Range(0, Slots + 1).Where(i => _counts[i] > 0 && _slotOf[i] > slot - Slots - 1);
}
