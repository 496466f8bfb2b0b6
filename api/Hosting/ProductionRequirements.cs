using OutlookFollowUp.Local;

namespace OutlookFollowUp.Hosting;

/// <summary>
/// What a Production start needs beyond Entra ID's client id (which local mode's refusal already names): the tenant,
/// a credential for the on-behalf-of call, and the database. A missing one stops the start with one line naming it.
/// </summary>
public static class ProductionRequirements
{
    public const string CredentialsKey = "AzureAd:ClientCredentials";

    /// <summary>The fields each Microsoft.Identity.Web credential source needs, besides SourceType.</summary>
    private static readonly Dictionary<string, string[]> CredentialFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["KeyVault"] = ["KeyVaultUrl", "KeyVaultCertificateName"],
        ["StoreWithThumbprint"] = ["CertificateStorePath", "CertificateThumbprint"],
        ["StoreWithDistinguishedName"] = ["CertificateStorePath", "CertificateDistinguishedName"],
        ["Path"] = ["CertificateDiskPath"],
        ["Base64Encoded"] = ["Base64EncodedValue"],
        ["ClientSecret"] = ["ClientSecret"],
        ["SignedAssertionFromManagedIdentity"] = [],
        ["SignedAssertionFilePath"] = [],
    };

    /// <summary>Null outside Production, in local mode (refused separately) or when everything is there.</summary>
    public static string? Problem(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction() || LocalMode.IsEnabled(configuration))
        {
            return null;
        }

        return Missing(configuration, "AzureAd:TenantId", "the tenant the registration lives in (the register command prints it)")
            ?? Missing(configuration, "AzureAd:Instance", "the Entra ID sign-in host, e.g. https://login.microsoftonline.com/")
            ?? CredentialProblem(configuration)
            ?? StorageProblem(configuration)
            ?? UrlProblem(configuration, "Notifications:PublicBaseUrl")
            ?? Auth.GraphModeOptions.Problem(configuration, localMode: false)
            ?? (string.IsNullOrWhiteSpace(configuration["Graph:AccessToken"])
                ? null
                : "Graph:AccessToken is set: a pasted token is for local mode only; remove it in Production.");
    }

    /// <summary>The configured credential as a short description with no secret in it, or null when there is none.</summary>
    public static string? DescribeCredential(IConfiguration configuration)
    {
        var sources = configuration.GetSection(CredentialsKey).GetChildren()
            .Select(c => c["SourceType"]).Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (sources.Count > 0)
        {
            return string.Join(", ", sources);
        }

        return !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientSecret"]) ? "ClientSecret"
            : configuration.GetSection("AzureAd:ClientCertificates").GetChildren().Any() ? "ClientCertificates"
            : null;
    }

    private static string? CredentialProblem(IConfiguration configuration)
    {
        if (DescribeCredential(configuration) is null)
        {
            return $"{CredentialsKey} is not set: the API needs a credential for the on-behalf-of call to Graph, e.g. the Key Vault "
                + $"certificate ({CredentialsKey}:0:SourceType=KeyVault, KeyVaultUrl, KeyVaultCertificateName); see deploy/README.md.";
        }

        foreach (var (credential, index) in configuration.GetSection(CredentialsKey).GetChildren().Select((c, i) => (c, i)))
        {
            var source = credential["SourceType"];
            if (string.IsNullOrWhiteSpace(source))
            {
                continue;
            }

            if (!CredentialFields.TryGetValue(source, out var fields))
            {
                return $"{CredentialsKey}:{index}:SourceType '{source}' is not one of {string.Join(", ", CredentialFields.Keys)}.";
            }

            if (fields.FirstOrDefault(f => string.IsNullOrWhiteSpace(credential[f])) is { } missing)
            {
                return $"{CredentialsKey}:{index}:{missing} is not set (needed with SourceType={source}).";
            }

            if (source.Equals("KeyVault", StringComparison.OrdinalIgnoreCase) && UrlProblem(configuration, $"{CredentialsKey}:{index}:KeyVaultUrl") is { } bad)
            {
                return bad;
            }
        }

        return null;
    }

    private static string? StorageProblem(IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"];
        if (provider is not null && !provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) && !provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return $"Storage:Provider '{provider}' is not Sqlite or Postgres.";
        }

        return provider is not null && provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
            ? Missing(configuration, "ConnectionStrings:FollowUps", "the PostgreSQL connection string (Storage:Provider is Postgres)")
            : null;
    }

    private static string? Missing(IConfiguration configuration, string key, string what) =>
        string.IsNullOrWhiteSpace(configuration[key]) ? $"{key} is not set: {what}." : null;

    private static string? UrlProblem(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            ? $"{key} '{value}' is not an absolute https URL."
            : null;
}
