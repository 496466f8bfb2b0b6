using Polly;
using Polly.CircuitBreaker;

namespace OutlookFollowUp.Mail.Graph.Http;

/// <summary>
/// Outermost handler: sees each call's final outcome after the SDK's retries, and fails fast while the
/// mailbox's breaker is open. Circuit breaker only; the RetryHandler stays the one retry layer.
/// </summary>
internal sealed class CircuitBreakerHandler(ResiliencePipeline<HttpResponseMessage> breaker) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await breaker.ExecuteAsync(
                static (state, ct) => new ValueTask<HttpResponseMessage>(state.Self.SendInnerAsync(state.Request, ct)),
                (Self: this, Request: request),
                cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw new GraphUnavailableException(
                GraphUnavailableReason.CircuitOpen,
                "Microsoft Graph failed repeatedly for this mailbox; requests are paused until the circuit closes.",
                ex);
        }
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
