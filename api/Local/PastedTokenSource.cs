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

    /// <summary>
    /// Why this token cannot work, said once at start (never the token itself); null when it may: only Graph can judge
    /// a token, but one past its <c>exp</c>, or one that is no token at all, is known already.
    /// </summary>
    public string? StartProblem()
    {
        if (IsExpired)
        {
            return $"The pasted Graph token expired at {Format(ExpiresAt)}: Graph is not called with it. {PastedToken.NewToken}";
        }

        if (token.FirstOrDefault(c => !IsTokenCharacter(c)) is var odd and not '\0')
        {
            var what = char.IsWhiteSpace(odd) ? "a space" : $"a character no token has ({odd})";
            var bearer = token.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase) ? ", as after \"Bearer\": paste the token alone" : "";
            return $"The pasted Graph token is not a token: it holds {what}{bearer}. {PastedToken.NewToken}";
        }

        if (token.Length < MinimumLength)
        {
            return $"The pasted Graph token is not a token: it is {token.Length} characters long, where Graph's are over a thousand. {PastedToken.NewToken}";
        }

        return token.StartsWith("eyJ", StringComparison.Ordinal) && UnvalidatedJwt.ReadPayload(token, _ => true) is false
            ? $"The pasted Graph token is cut short or damaged: its middle part cannot be read. {PastedToken.NewToken}"
            : null;
    }

    /// <summary>"2026-11-23 08:59 UTC", or "an unknown time".</summary>
    public static string Format(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "an unknown time";

    // Far below any real access token (a JWT from Graph Explorer is well over a thousand characters; opaque ones too).
    private const int MinimumLength = 100;

    // RFC 6750's b64token: what a bearer token is made of (a JWT's dots included).
    private static bool IsTokenCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/' or '=';

    internal static DateTimeOffset? ExpiryOf(string token) =>
        UnvalidatedJwt.ReadPayload(token, payload =>
            payload.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds) && seconds is >= 0 and <= 253402300799
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : (DateTimeOffset?)null);

    /// <summary>Never the token itself.</summary>
    public override string ToString() => $"PastedTokenSource(expires {ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"})";
}
