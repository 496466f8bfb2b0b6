using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OutlookFollowUp.Away;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Tests.Away;

/// <summary>A round's calls through one mailbox go side by side, as many at once as Graph takes for a mailbox.</summary>
public sealed class AwayRoundCallsTests
{
    [Fact]
    public async Task Seven_hundred_addresses_are_seven_calls_four_at_once_and_all_answered()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var cache = new AwayCache(InstanceCache.InMemory(time), time);
        var tips = new SlowTips();
        var addresses = Enumerable.Range(0, 700).Select(i => $"person{i}@fabrikam.com").ToList();

        var outcome = await new AwayRound(cache, NullLogger<AwayRound>.Instance).AskAsync("tenant", addresses, [("tenant:user-1", tips)], CancellationToken.None);

        Assert.Equal(AwayRoundOutcome.Answered, outcome);
        Assert.Equal((7, AwayRound.CallsAtOnce), (tips.Calls, tips.MostAtOnce));
        foreach (var address in addresses)
        {
            Assert.Equal(address.EndsWith("7@fabrikam.com", StringComparison.Ordinal), (await cache.GetAsync("tenant", address, CancellationToken.None))?.On);
        }
    }

    /// <summary>Answers after a moment (addresses ending in 7 are away), counting calls at once.</summary>
    private sealed class SlowTips : IMailTips
    {
        private int _now;
        private int _most;
        private int _calls;

        public int Calls => _calls;

        public int MostAtOnce => _most;

        public async Task<IReadOnlyDictionary<string, AutomaticReply>> GetAutomaticRepliesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var now = Interlocked.Increment(ref _now);
            InterlockedMax(now);
            await Task.Delay(100, cancellationToken);
            Interlocked.Decrement(ref _now);
            return addresses.Where(a => a.EndsWith("7@fabrikam.com", StringComparison.Ordinal)).ToDictionary(a => a, a => new AutomaticReply(a, On: true));
        }

        public Task<WorkingHours?> GetWorkingHoursAsync(CancellationToken cancellationToken) => Task.FromResult<WorkingHours?>(null);

        private void InterlockedMax(int value)
        {
            for (var seen = Volatile.Read(ref _most); value > seen; seen = Volatile.Read(ref _most))
            {
                if (Interlocked.CompareExchange(ref _most, value, seen) == seen)
                {
                    return;
                }
            }
        }
    }
}
