using System.Net;
using System.Net.Sockets;
using System.Text;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Sample;

namespace OutlookFollowUp.Tests.Hardening;

/// <summary>What a misbehaving Graph (or the network in front of it) does to a request.</summary>
public enum GraphFault
{
    Throttled1s,
    Throttled3600s,
    Unavailable,
    Timeout,
    Hang,
    Reset,
    Malformed,
    Truncated,
    Html,
    Empty,
    BadRequest,
    Unauthorized,
    Forbidden,
    Gone,
}

/// <summary>
/// The sample mailbox as a Graph test server that, while <see cref="Fault"/> is set, answers every request with that
/// fault instead (the primary handler: the SDK's retries, the breaker and the timeouts above it are the app's own).
/// </summary>
public sealed class FaultyGraph(DateTimeOffset now) : DelegatingHandler(new InMemoryGraphHandler(SampleMailbox.Create(now)))
{
    private int _faulted;

    public GraphFault? Fault { get; set; }

    /// <summary>Requests answered with the fault, retries included.</summary>
    public int Faulted => Volatile.Read(ref _faulted);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Fault is not { } fault)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        Interlocked.Increment(ref _faulted);
        await Task.Yield();
        var response = fault switch
        {
            GraphFault.Throttled1s => Error(HttpStatusCode.TooManyRequests, "TooManyRequests", retryAfter: 1),
            GraphFault.Throttled3600s => Error(HttpStatusCode.TooManyRequests, "TooManyRequests", retryAfter: 3600),
            GraphFault.Unavailable => Error(HttpStatusCode.ServiceUnavailable, "ServiceNotAvailable"),
            // What HttpClient throws when its own timeout elapses.
            GraphFault.Timeout => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException()),
            GraphFault.Hang => await HangAsync(cancellationToken),
            GraphFault.Reset => throw new HttpRequestException(
                HttpRequestError.ResponseEnded, "An error occurred while sending the request.",
                new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset))),
            GraphFault.Malformed => Body(HttpStatusCode.OK, """{"id": "AAMk1", "subject": "x",, "value": [}""", "application/json"),
            GraphFault.Truncated => Body(HttpStatusCode.OK, """{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('me')/messages","value":[{"id":"AAMkAGI2","subj""", "application/json"),
            GraphFault.Html => Body(HttpStatusCode.OK, "<!DOCTYPE html><html><body><h1>Sign in to continue</h1></body></html>", "text/html"),
            GraphFault.Empty => Body(HttpStatusCode.OK, "", "application/json"),
            GraphFault.BadRequest => Error(HttpStatusCode.BadRequest, "ErrorInvalidRequest"),
            GraphFault.Unauthorized => Error(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken"),
            GraphFault.Forbidden => Error(HttpStatusCode.Forbidden, "ErrorAccessDenied"),
            _ => Error(HttpStatusCode.Gone, "ErrorItemNotFound"),
        };
        response.RequestMessage = request;
        return response;
    }

    private static async Task<HttpResponseMessage> HangAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string code, int? retryAfter = null)
    {
        var response = Body(status, $$$"""{"error":{"code":"{{{code}}}","message":"Injected {{{(int)status}}}."}}""", "application/json");
        if (retryAfter is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    private static HttpResponseMessage Body(HttpStatusCode status, string body, string mediaType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
}
