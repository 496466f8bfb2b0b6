using System.Security.Claims;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OutlookFollowUp.Auth;

/// <summary>The Graph credentials for one caller: OBO through Identity.Web, or null in local mode (the static token applies).</summary>
public interface IGraphAuthentication
{
    IAccessTokenProvider? For(ClaimsPrincipal user, Uri graphBaseUrl);
}

internal sealed class LocalGraphAuthentication : IGraphAuthentication
{
    public IAccessTokenProvider? For(ClaimsPrincipal user, Uri graphBaseUrl) => null;
}

internal sealed class OnBehalfOfGraphAuthentication(ITokenAcquisition tokens) : IGraphAuthentication
{
    public IAccessTokenProvider For(ClaimsPrincipal user, Uri graphBaseUrl) => new OnBehalfOfTokenProvider(tokens, user, graphBaseUrl);
}

/// <summary>
/// Graph tokens on behalf of the caller (MSAL's OBO flow, cached in the database). Asks for "/.default" of the
/// configured Graph host, so the consented delegated permissions apply and sovereign clouds need no other code.
/// </summary>
internal sealed class OnBehalfOfTokenProvider(ITokenAcquisition tokens, ClaimsPrincipal user, Uri graphBaseUrl) : IAccessTokenProvider
{
    private readonly string[] _scopes = [$"{graphBaseUrl.Scheme}://{graphBaseUrl.Host}/.default"];

    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphBaseUrl.Host]);

    public async Task<string> GetAuthorizationTokenAsync(
        Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        // A nextLink pointing elsewhere never gets the user's Graph token.
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
        {
            return "";
        }

        // Kiota passes Graph's claims challenge (continuous access evaluation) here on its retry.
        var claims = additionalAuthenticationContext?.GetValueOrDefault("claims") as string;
        var options = new TokenAcquisitionOptions { CancellationToken = cancellationToken, Claims = claims };
        return await tokens.GetAccessTokenForUserAsync(_scopes, user: user, tokenAcquisitionOptions: options);
    }

    public override string ToString() => $"OnBehalfOfTokenProvider({graphBaseUrl.Host})";
}
