using Microsoft.Extensions.Options;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Mail;

/// <summary>
/// Bounds a mail call a person is waiting on by <see cref="GraphOptions.InteractiveBudget"/>, on the app's clock: past
/// it the call is cancelled and reported as unavailable (503 with Retry-After), never left hanging on a slow Graph.
/// </summary>
public sealed class MailBudget(IOptions<GraphOptions> options, TimeProvider time)
{
    public TimeSpan Budget => options.Value.InteractiveBudget;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await call(linked.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MailUnavailableException(MailUnavailableReason.Timeout, "Microsoft Graph did not answer within the request's budget.", ex, Budget);
        }
    }
}

/// <summary>Graph's long waits held per mailbox by the adapter; an erase forgets them, so the next read syncs at once.</summary>
public interface IMailboxThrottleHolds
{
    void Forget(string userKey);
}
