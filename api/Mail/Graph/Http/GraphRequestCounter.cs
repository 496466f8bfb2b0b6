namespace OutlookFollowUp.Mail.Graph.Http;

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
