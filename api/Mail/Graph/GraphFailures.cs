using Microsoft.Kiota.Abstractions;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>Reads the HTTP status out of what the SDK throws.</summary>
internal static class GraphFailures
{
    /// <summary>
    /// The SDK throws an ApiException for a failed response, and the RetryHandler an AggregateException of
    /// them once its retries are spent; the last attempt's status is the one that counts.
    /// </summary>
    public static int? Status(Exception? exception) => exception switch
    {
        ApiException api => api.ResponseStatusCode,
        AggregateException aggregate => aggregate.InnerExceptions.OfType<ApiException>().LastOrDefault()?.ResponseStatusCode,
        _ => null,
    };
}
