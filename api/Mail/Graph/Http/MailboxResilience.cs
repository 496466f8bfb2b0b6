using System.Collections.Concurrent;
using System.Net;
using Polly;
using Polly.CircuitBreaker;

namespace OutlookFollowUp.Mail.Graph.Http;

/// <summary>What one mailbox shares across every client built for it: its concurrency slots, breaker and counter.</summary>
public sealed class MailboxResilience
{
    internal MailboxResilience(GraphOptions options, TimeProvider time)
    {
        Gate = new SemaphoreSlim(options.MaxConcurrentPerMailbox, options.MaxConcurrentPerMailbox);
        Breaker = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                ShouldHandle = static args => ValueTask.FromResult(IsFailure(args.Outcome)),
            })
            .Build();
    }

    internal SemaphoreSlim Gate { get; }

    internal ResiliencePipeline<HttpResponseMessage> Breaker { get; }

    public GraphRequestCounter Counter { get; } = new();

    /// <summary>Only what says "Graph is unwell" trips it; a 400/401/404/410 is this request's problem.</summary>
    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or GraphUnavailableException
        || GraphFailures.Status(outcome.Exception) is 429 or >= 500
        || outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError };
}

/// <summary>One <see cref="MailboxResilience"/> per mailbox key for the app's lifetime (a singleton).</summary>
public sealed class MailboxResilienceRegistry(GraphOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, MailboxResilience> _mailboxes = new(StringComparer.OrdinalIgnoreCase);

    public MailboxResilience For(string mailboxKey) =>
        _mailboxes.GetOrAdd(mailboxKey, static (_, state) => new MailboxResilience(state.options, state.time), (options, time));
}
