namespace OutlookFollowUp.Mail.Graph.Http;

/// <summary>
/// Holds one of the mailbox's slots (Outlook allows 4 concurrent requests per app per mailbox) for the
/// duration of one attempt. It sits inside the RetryHandler, so a request waiting out Retry-After frees its slot.
/// </summary>
internal sealed class MailboxGateHandler(SemaphoreSlim gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
