namespace OutlookFollowUp.Registration;

/// <summary>What <c>register</c> makes true in Entra ID for one deployment of the API.</summary>
/// <param name="Host">The API's public origin (https, no path), the same as the manifests'.</param>
/// <param name="ClientId">An existing registration to bring up to date; otherwise it is looked up by display name.</param>
/// <param name="TenantId">For the admin-consent URL; read from <c>/organization</c> when not given.</param>
/// <param name="AppOnly">Also request the application permissions of app-only mode (Graph:Mode=Application).</param>
/// <param name="CertificatePath">The public certificate (DER .cer or PEM) of the Key Vault certificate, added as a key credential.</param>
public sealed record RegistrationRequest(
    Uri Host,
    string DisplayName = RegistrationRequest.DefaultDisplayName,
    string? ClientId = null,
    string? TenantId = null,
    bool AppOnly = false,
    bool MultiTenant = false,
    string? CertificatePath = null)
{
    public const string DefaultDisplayName = "Outlook Follow-up";

    /// <summary>The host name alone, as in <c>brk-multihub://</c> and <c>api://</c> (with the port when not 443).</summary>
    public string Authority => Host.IsDefaultPort ? Host.Host : $"{Host.Host}:{Host.Port}";

    /// <summary>Null when the request can be sent; otherwise one line saying what is wrong.</summary>
    public static string? Problem(Uri? host, string? clientId, string? tenantId, string? certificatePath)
    {
        if (host is null || !host.IsAbsoluteUri || host.Scheme != Uri.UriSchemeHttps || host.AbsolutePath != "/" || host.Query.Length > 0)
        {
            return "--host must be the API's https origin with no path, e.g. https://followup.contoso.com";
        }

        if (clientId is not null && !Guid.TryParse(clientId, out _))
        {
            return $"--client-id '{clientId}' is not a GUID.";
        }

        if (tenantId is not null && !Guid.TryParse(tenantId, out _))
        {
            return $"--tenant-id '{tenantId}' is not a GUID.";
        }

        return certificatePath is not null && !File.Exists(certificatePath)
            ? $"--certificate '{certificatePath}' does not exist (export it with az keyvault certificate download)."
            : null;
    }
}
