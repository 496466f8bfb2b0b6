using Microsoft.Kiota.Abstractions.Authentication;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Kiota's token provider over the product's token source, or over one fixed token (local mode: a pasted Graph
/// token). Only the Graph host gets a token, so a nextLink that pointed elsewhere would never carry it.
/// </summary>
internal sealed class GraphTokenProvider(IMailboxTokenSource? source, string? staticToken, Uri graphBaseUrl) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphBaseUrl.Host]);

    public async Task<string> GetAuthorizationTokenAsync(
        Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
        {
            return "";
        }

        if (source is null)
        {
            return staticToken ?? "";
        }

        // Kiota passes Graph's claims challenge (continuous access evaluation) here on its retry, base64 as Graph sent it;
        // the identity platform takes the JSON.
        var claims = additionalAuthenticationContext?.GetValueOrDefault("claims") as string;
        return await source.GetTokenAsync(Decoded(claims), cancellationToken);
    }

    private static string? Decoded(string? claims)
    {
        if (string.IsNullOrEmpty(claims))
        {
            return null;
        }

        var buffer = new byte[claims.Length];
        return Convert.TryFromBase64String(claims, buffer, out var written) ? System.Text.Encoding.UTF8.GetString(buffer, 0, written) : claims;
    }

    /// <summary>Never the token itself: this type may end up in logs or debugger displays.</summary>
    public override string ToString() => $"GraphTokenProvider({graphBaseUrl.Host})";
}
