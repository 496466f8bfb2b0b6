namespace OutlookFollowUp.Mail.Graph.Http;

/// <summary>Innermost handler: counts what Graph's throttling counts, i.e. every attempt including retries.</summary>
internal sealed class RequestCountingHandler(GraphRequestCounter counter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
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
