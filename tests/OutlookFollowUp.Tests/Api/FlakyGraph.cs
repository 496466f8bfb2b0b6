using System.Net;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Sample;

namespace OutlookFollowUp.Tests.Api;

/// <summary>The sample mailbox behind a switch that makes Graph throttle, fail or time out mid-request.</summary>
public sealed class FlakyGraph : DelegatingHandler
{
    public enum Mode
    {
        Healthy,
        Throttling,
        Unavailable,
        TimingOut,
    }

    public FlakyGraph(DateTimeOffset now) => InnerHandler = new InMemoryGraphHandler(SampleMailbox.Create(now));

    public Mode Current { get; set; }

    public int FailedRequests { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Current == Mode.Healthy)
        {
            return base.SendAsync(request, cancellationToken);
        }

        FailedRequests++;
        return Current switch
        {
            Mode.Throttling => Task.FromResult(new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { { "Retry-After", "0" } } }),
            Mode.Unavailable => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Headers = { { "Retry-After", "0" } } }),
            // What HttpClient throws when its timeout elapses.
            _ => throw new TaskCanceledException("The request was canceled due to HttpClient.Timeout.", new TimeoutException()),
        };
    }
}
