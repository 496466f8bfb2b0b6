using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using CoreClientFactory = Microsoft.Graph.GraphClientFactory;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Graph's HTTP pipeline, from <c>IHttpClientFactory</c>, outermost first:
/// circuit breaker (per mailbox; sees each call's outcome after the retries) → the Graph SDK's default handlers, whose
/// RetryHandler is the one retry layer (429/503/504, honours Retry-After) → the mailbox's gate (4 at once, a batch taking
/// a slot per part Graph runs at once; a sliding window of requests, batch parts counted; <see cref="GraphMailboxGates"/>)
/// → attempt timeout → request counter → the primary handler (the network; the sample mailbox or a test's fake in its
/// place). The gate sits inside the retries, so a request waiting out Retry-After frees its slots.
/// </summary>
public static class GraphHttp
{
    /// <summary>The named client; tests swap its primary handler only.</summary>
    public const string ClientName = "Graph";

    private static readonly HttpRequestOptionsKey<string> MailboxKey = new("OutlookFollowUp.Mailbox");

    internal static IHttpClientBuilder AddGraphHttp(this IServiceCollection services)
    {
        var builder = services.AddHttpClient(ClientName)
            // One pooled transport for all mailboxes; recycled connections follow DNS changes, so the chain never needs to.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("graph-breaker", (pipeline, context) => AddBreaker(Clocked(pipeline, context), Options(context)))
            .SelectPipelineBy(static _ => MailboxOf);
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, services) =>
        {
            foreach (var handler in SdkHandlers(services.GetRequiredService<IOptions<GraphOptions>>().Value))
            {
                handlers.Add(handler);
            }
        });
        builder.AddHttpMessageHandler(services => new MailboxGateHandler(services.GetRequiredService<GraphMailboxGates>()));
        builder.AddResilienceHandler("graph-attempt", (pipeline, context) => AddAttemptLimits(Clocked(pipeline, context), Options(context)))
            .SelectPipelineBy(static _ => MailboxOf);
        builder.AddHttpMessageHandler(services => new RequestCountingHandler(services.GetRequiredService<GraphRequestCounters>()));
        return builder;
    }

    /// <summary>The mailbox a request is for: it keys the breaker, the concurrency limit and the counter.</summary>
    internal static string MailboxOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(MailboxKey, out var key) ? key : "";

    private static GraphOptions Options(ResilienceHandlerContext context) =>
        context.ServiceProvider.GetRequiredService<IOptions<GraphOptions>>().Value;

    /// <summary>The app's clock (tests fake it) for timeouts and the breaker.</summary>
    private static ResiliencePipelineBuilder<HttpResponseMessage> Clocked(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
        return pipeline;
    }

    private static void AddBreaker(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, GraphOptions options) =>
        pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            ShouldHandle = static args => ValueTask.FromResult(IsFailure(args.Outcome)),
        });

    private static void AddAttemptLimits(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, GraphOptions options) =>
        pipeline.AddTimeout(options.Timeout);

    /// <summary>
    /// Only what says "Graph is unwell" trips it; a 400/401/404/410 is this request's problem. Once its retries are
    /// spent, the RetryHandler throws an AggregateException of the attempts' failures: the last one's status counts.
    /// </summary>
    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Exception is AggregateException { InnerExceptions: [.., ApiException { ResponseStatusCode: 429 or >= 500 }] }
        || outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError };

    /// <summary>
    /// The SDK's standard chain with its RetryHandler tuned to the configured retries. Its time limit is half the
    /// interactive budget (the other half is for the attempts): once the waits would add up past it, the handler returns
    /// Graph's 429/503 at once instead of sleeping (up to 180 s a wait), and the caller reports it with Graph's
    /// Retry-After (<see cref="GraphFailures"/>). The SDK's handler stays the one retry layer.
    /// </summary>
    private static IEnumerable<DelegatingHandler> SdkHandlers(GraphOptions options) =>
        CoreClientFactory.CreateDefaultHandlers(new Microsoft.Graph.GraphClientOptions()).Select(handler => handler is RetryHandler
            ? new RetryHandler(new RetryHandlerOption { MaxRetry = options.MaxRetries, RetriesTimeLimit = options.InteractiveBudget / 2 })
            : handler);

    /// <summary>Outermost, outside the factory's chain: marks each request with its mailbox.</summary>
    internal sealed class MailboxTagHandler(string mailboxKey, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.Set(MailboxKey, mailboxKey);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
