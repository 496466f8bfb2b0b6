using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Kiota.Abstractions;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// The one place where what the SDK, Kiota, Polly and HttpClient throw becomes the product's own exceptions
/// (<see cref="MailException"/> and its kinds). Every Graph call of the adapter goes through <see cref="CallAsync"/>.
/// </summary>
internal static partial class GraphFailures
{
    /// <param name="permission">The delegated permission the call needs, named in the 403 the API answers.</param>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call, string permission, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (Translate(ex, permission, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The product exception for a failure, or null for what is not Graph's (the caller's own cancellation, bugs).</summary>
    public static MailException? Translate(Exception exception, string permission, CancellationToken cancellationToken) => exception switch
    {
        MailException => null, // already the product's (the token source's consent challenge)
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        BrokenCircuitException open => new MailUnavailableException(
            MailUnavailableReason.CircuitOpen,
            "Microsoft Graph failed repeatedly for this mailbox; requests are paused until the circuit closes.",
            open,
            open.RetryAfter),
        TimeoutRejectedException or TimeoutException or OperationCanceledException => new MailUnavailableException(
            MailUnavailableReason.Timeout, "Microsoft Graph did not answer in time.", exception),
        HttpRequestException => new MailUnavailableException(MailUnavailableReason.Unreachable, "Microsoft Graph could not be reached.", exception),
        JsonException => Unreadable(exception),
        ApiException { InnerException: JsonException } => Unreadable(exception),
        AggregateException aggregate when aggregate.InnerExceptions.OfType<ApiException>().LastOrDefault() is { } last => FromStatus(last, aggregate, permission),
        ApiException api => FromStatus(api, api, permission),
        _ => null,
    };

    /// <summary>Kiota 2 wraps the parser's JsonException in an ApiException without a status.</summary>
    private static MailResponseException Unreadable(Exception exception) =>
        new("Microsoft Graph returned JSON that could not be parsed.", exception);

    /// <summary>The RetryHandler throws an AggregateException once its retries are spent: the last attempt's status counts.</summary>
    private static MailException FromStatus(ApiException api, Exception thrown, string permission) =>
        FromStatus(api.ResponseStatusCode, RetryAfter(Header(api, "Retry-After")), Header(api, "WWW-Authenticate"), thrown, permission);

    /// <summary>One part of a <c>$batch</c> that failed (after its own retries, for a throttled part), translated like a call.</summary>
    public static MailException FromPart(int status, TimeSpan? retryAfter, string? challenge, string permission) =>
        FromStatus(status, retryAfter, challenge, null, permission);

    private static MailException FromStatus(int status, TimeSpan? retryAfter, string? challenge, Exception? thrown, string permission) => status switch
    {
        429 => new MailUnavailableException(
            MailUnavailableReason.Throttled, "Microsoft Graph is still throttling this mailbox after retries.", thrown, retryAfter, 429),
        >= 500 => new MailUnavailableException(
            MailUnavailableReason.ServerError, $"Microsoft Graph answered {status} after retries.", thrown, retryAfter, status),
        404 => thrown is null
            ? new MailNotFoundException("Microsoft Graph found no such message or folder.")
            : new MailNotFoundException("Microsoft Graph found no such message or folder.", thrown),
        401 => new MailConsentRequiredException("Microsoft Graph refused the user's token.", Claims(challenge), thrown),
        403 => new MailAccessDeniedException(permission, $"Microsoft Graph denied access; the call needs {permission}.", thrown),
        _ => new MailException($"Microsoft Graph answered {status}.", thrown, status),
    };

    private static TimeSpan? RetryAfter(string? header)
    {
        // Graph sends seconds; an HTTP date would need a clock here, and the API's default wait covers it.
        return int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    /// <summary>A continuous-access challenge (<c>WWW-Authenticate: Bearer ..., claims="base64"</c>) as the JSON MSAL takes.</summary>
    private static string? Claims(string? challenge)
    {
        var match = challenge is null ? null : ClaimsPattern().Match(challenge);
        if (match is not { Success: true })
        {
            return null;
        }

        var buffer = new byte[match.Groups[1].Length];
        return Convert.TryFromBase64String(match.Groups[1].Value, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }

    private static string? Header(ApiException api, string name) =>
        api.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    [GeneratedRegex("claims=\"([^\"]+)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimsPattern();
}
