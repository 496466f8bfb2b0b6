using Microsoft.Kiota.Abstractions.Authentication;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Hands out one fixed token (local mode: a pasted Graph token). Only the Graph host gets it, so a nextLink
/// that pointed elsewhere would never carry the token. A later piece replaces this with ITokenAcquisition.
/// </summary>
public sealed class StaticAccessTokenProvider(string? token, Uri graphBaseUrl) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphBaseUrl.Host]);

    public Task<string> GetAuthorizationTokenAsync(
        Uri uri,
        Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token ?? "" : "");

    /// <summary>Never the token itself: this type may end up in logs or debugger displays.</summary>
    public override string ToString() => $"StaticAccessTokenProvider({graphBaseUrl.Host})";
}
