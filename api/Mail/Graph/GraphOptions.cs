using System.ComponentModel.DataAnnotations;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>Graph access settings, bound from configuration section <c>Graph</c>.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Sovereign clouds use other hosts, so the base URL is configuration (docs/architecture.md).</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>A pasted delegated token for local mode; never logged. Empty means no Authorization header.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Sent as <c>Prefer: odata.maxpagesize</c> on every page request; Graph may cap it, nextLinks cover the rest.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>Retries of the SDK's RetryHandler, the one retry layer (429/503/504, honours Retry-After).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Per attempt, not per call: a retry after Retry-After gets a fresh budget.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest a person waits on Graph, so that a request answers within 10 s: a request waits at most this long for a
    /// sync or a draft before answering (503 with Retry-After, or the stale index), and the SDK's retries sleep at most
    /// half of it (a longer Retry-After fails the call at once, carrying Graph's Retry-After).
    /// </summary>
    public TimeSpan InteractiveBudget { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Outlook allows 4 concurrent requests per app per mailbox.</summary>
    [Range(1, 4)]
    public int MaxConcurrentPerMailbox { get; set; } = 4;

    /// <summary>
    /// Requests per mailbox in <see cref="MailboxRequestWindow"/>, each part of a <c>$batch</c> counting: Graph allows
    /// 10,000 per 10 minutes per app and mailbox, so the default leaves a tenth for requests this instance does not
    /// count (a pane's request answered by another instance).
    /// </summary>
    [Range(20, 10_000)]
    public int MailboxRequestLimit { get; set; } = 9_000;

    /// <summary>The sliding window of <see cref="MailboxRequestLimit"/> (Graph's is 10 minutes).</summary>
    public TimeSpan MailboxRequestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Failures (after retries) within the sampling window before the breaker may open.</summary>
    [Range(2, 1000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 5;

    [Range(0.01, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when the values that DataAnnotations cannot express are sound.</summary>
    internal bool HasValidTimes() =>
        Timeout > TimeSpan.Zero
        && InteractiveBudget >= TimeSpan.FromSeconds(1)
        && MailboxRequestWindow >= TimeSpan.FromSeconds(1)
        && CircuitBreakerSamplingDuration >= TimeSpan.FromMilliseconds(500)
        && CircuitBreakDuration >= TimeSpan.FromMilliseconds(500);
}
