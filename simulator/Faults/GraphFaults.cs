namespace OutlookFollowUp.GraphSimulator;

/// <summary>
/// The simulator's fault script: the next so many requests (or <c>$batch</c> parts, or notifications) a match picks
/// get a fault instead of, or before, the mailbox's answer. Rules apply in the order they were scripted, each until
/// its count runs out: <c>Faults.Next(GraphMatch.Url("inbox"), Fault.Throttle(1), times: 2)</c>.
/// </summary>
public sealed class GraphFaults
{
    private readonly Lock _lock = new();
    private readonly List<Rule> _rules = [];
    private int _applied;

    /// <summary>Requests, parts and notifications a fault was applied to so far, retries included.</summary>
    public int Applied => Volatile.Read(ref _applied);

    /// <summary>The next <paramref name="times"/> calls <paramref name="match"/> picks get <paramref name="fault"/>.</summary>
    public void Next(GraphMatch match, Fault fault, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        if (match.Scopes.HasFlag(FaultScope.Part) && fault.Kind != FaultKind.Answer)
        {
            throw new ArgumentException($"A $batch part answers with a status or a body; '{fault}' happens to the whole batch's connection.", nameof(fault));
        }

        if (match.Scopes.HasFlag(FaultScope.Notification) != (fault.Kind == FaultKind.Notification))
        {
            throw new ArgumentException($"Notifications can only be dropped, and only notifications: not '{fault}' for '{match}'.", nameof(fault));
        }

        lock (_lock)
        {
            _rules.Add(new Rule(match, fault, times));
        }
    }

    /// <summary>Every call <paramref name="match"/> picks gets <paramref name="fault"/> until <see cref="Clear"/>.</summary>
    public void Always(GraphMatch match, Fault fault) => Next(match, fault, int.MaxValue);

    /// <summary>Graph behaves again.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    /// <summary>The fault for this call, if a rule with calls left picks it (and one call less for that rule).</summary>
    internal Fault? Take(FaultScope scope, FaultCall call)
    {
        lock (_lock)
        {
            var rule = _rules.FirstOrDefault(r => r.Remaining > 0 && r.Match.Matches(scope, call));
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            _applied++;
            return rule.Fault;
        }
    }

    private sealed class Rule(GraphMatch match, Fault fault, int remaining)
    {
        public GraphMatch Match { get; } = match;

        public Fault Fault { get; } = fault;

        public int Remaining { get; set; } = remaining;
    }
}
