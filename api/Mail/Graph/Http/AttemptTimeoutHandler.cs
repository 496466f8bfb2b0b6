namespace OutlookFollowUp.Mail.Graph.Http;

/// <summary>Bounds one attempt; a hung attempt becomes a <see cref="GraphUnavailableException"/> the breaker counts.</summary>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await base.SendAsync(request, linked.Token);
        }
        catch (OperationCanceledException ex) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new GraphUnavailableException(
                GraphUnavailableReason.Timeout,
                $"Microsoft Graph did not answer {request.Method} {request.RequestUri?.AbsolutePath} within {timeout.TotalSeconds:0.###} s.",
                ex);
        }
    }
}
