using System.Collections.Concurrent;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>Attempts that reached the wire for one mailbox, and the most that were in flight at once.</summary>
public sealed class GraphRequestCounter
{
    private int _total;
    private int _inFlight;
    private int _maxInFlight;

    public int Total => Volatile.Read(ref _total);

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    internal void Enter()
    {
        Interlocked.Increment(ref _total);
        var now = Interlocked.Increment(ref _inFlight);
        for (var seen = MaxInFlight; now > seen; seen = MaxInFlight)
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, seen) == seen)
            {
                break;
            }
        }
    }

    internal void Exit() => Interlocked.Decrement(ref _inFlight);
}

/// <summary>One counter per mailbox for the app's lifetime (a singleton); benchmarks and tests read them.</summary>
public sealed class GraphRequestCounters
{
    private readonly ConcurrentDictionary<string, GraphRequestCounter> _mailboxes = new(StringComparer.OrdinalIgnoreCase);

    public GraphRequestCounter For(string mailboxKey) => _mailboxes.GetOrAdd(mailboxKey, static _ => new GraphRequestCounter());
}

/// <summary>Innermost handler: counts what Graph's throttling counts, i.e. every attempt including retries.</summary>
internal sealed class RequestCountingHandler(GraphRequestCounters counters) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var counter = counters.For(GraphHttp.MailboxOf(request));
        counter.Enter();
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            counter.Exit();
        }
    }
}
