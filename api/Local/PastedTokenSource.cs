using System.Text.Json;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Local;

/// <summary>
/// Local mode's pasted Graph token (<c>Graph:AccessToken</c>), for requests and background work alike: handed to Graph
/// until its <c>exp</c> passes (read without validation: only Graph can judge the token), then refused here without a
/// call, so a sync records <see cref="Expired"/>. A token that is not a JWT is used until Graph answers 401.
/// </summary>
public sealed class PastedTokenSource(string token, TimeProvider time) : IMailboxTokenSource
{
    /// <summary>The <c>lastErrorCode</c> of a sync that found the pasted token expired.</summary>
    public const string Expired = "graph_token_expired";

    /// <summary>When the token expires, or null when it does not say (not a JWT, or no <c>exp</c>).</summary>
    public DateTimeOffset? ExpiresAt { get; } = ExpiryOf(token);

    public bool IsExpired => ExpiresAt is { } at && time.GetUtcNow() >= at;

    public Task<string> GetTokenAsync(string? claims, CancellationToken cancellationToken) =>
        IsExpired
            ? Task.FromException<string>(new MailConsentRequiredException("The pasted Graph token has expired.") { FailureCode = Expired })
            : Task.FromResult(token);

    internal static DateTimeOffset? ExpiryOf(string token) =>
        UnvalidatedJwt.ReadPayload(token, payload =>
            payload.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds) && seconds is >= 0 and <= 253402300799
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : (DateTimeOffset?)null);

    /// <summary>Never the token itself.</summary>
    public override string ToString() => $"PastedTokenSource(expires {ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"})";
}
