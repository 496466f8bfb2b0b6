namespace OutlookFollowUp.Auth;

/// <summary>
/// The API's app ID URI, from configuration only (never from the request's Host, which a caller chooses):
/// <c>AzureAd:Audience</c> when it is an <c>api://</c> URI; else <c>api://{Api:PublicHost}/{client-id}</c>, the form the
/// manifest command stamps; else Entra's default <c>api://{client-id}</c>.
/// </summary>
public static class AppIdUri
{
    public const string PublicHostKey = "Api:PublicHost";

    public static string From(IConfiguration configuration, string clientId)
    {
        var audience = configuration["AzureAd:Audience"];
        if (!string.IsNullOrWhiteSpace(audience) && audience.StartsWith("api://", StringComparison.Ordinal))
        {
            return audience.TrimEnd('/');
        }

        return configuration[PublicHostKey] is { Length: > 0 } host ? $"api://{Authority(host)}/{clientId}" : $"api://{clientId}";
    }

    /// <summary>Stops the start when <c>Api:PublicHost</c> is set but is not a host name (with an optional port or https:// origin).</summary>
    public static void EnsureValid(IConfiguration configuration)
    {
        if (configuration[PublicHostKey] is { Length: > 0 } host)
        {
            _ = Authority(host);
        }
    }

    // "followup.contoso.com", "followup.contoso.com:8443" or "https://followup.contoso.com" → host[:port].
    private static string Authority(string value)
    {
        var text = value.Trim();
        var absolute = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(absolute, UriKind.Absolute, out var uri) || uri.HostNameType is UriHostNameType.Unknown
            || uri.PathAndQuery != "/" || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new InvalidOperationException($"{PublicHostKey} must be the host the add-in is served from (followup.contoso.com), as given to the manifest command.");
        }

        return uri.Authority;
    }
}
