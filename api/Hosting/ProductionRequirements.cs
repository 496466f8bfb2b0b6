using OutlookFollowUp.Local;

namespace OutlookFollowUp.Hosting;

/// <summary>
/// What a Production start needs: Entra ID's client id and tenant, a credential for the on-behalf-of call, and the
/// database. Anything missing or wrong stops the start with one line naming all of it at once.
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

    /// <summary>
    /// Null outside Production or when everything is there; otherwise one line. Local mode (no client id) is refused
    /// with the way to try it locally and every setting Production would need.
    /// </summary>
    public static string? Problem(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return null;
        }

        var problems = Problems(configuration);
        return LocalMode.IsEnabled(configuration)
            ? $"{LocalMode.EnvironmentRefusal(environment.EnvironmentName)}. To serve your organization in Production: {string.Join(" ", problems)}"
            : problems.Count == 0 ? null : string.Join(" ", problems);
    }

    /// <summary>Every missing or wrong setting, one sentence each; only what a Production start needs.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string?>
        {
            Missing(configuration, "AzureAd:ClientId", "the registration's client id (the register command prints it)"),
            Missing(configuration, "AzureAd:TenantId", "the tenant the registration lives in (the register command prints it)"),
            Missing(configuration, "AzureAd:Instance", "the Entra ID sign-in host, e.g. https://login.microsoftonline.com/"),
        };
        problems.AddRange(CredentialProblems(configuration));
        problems.Add(StorageProblem(configuration));
        problems.Add(UrlProblem(configuration, "Notifications:PublicBaseUrl"));
        problems.Add(Auth.GraphModeOptions.Problem(configuration, localMode: false));
        problems.Add(string.IsNullOrWhiteSpace(configuration["Graph:AccessToken"])
            ? null
            : "Graph:AccessToken is set: a pasted token is for local mode only; remove it in Production.");
        return [.. problems.OfType<string>()];
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

    private static IEnumerable<string> CredentialProblems(IConfiguration configuration)
    {
        if (DescribeCredential(configuration) is null)
        {
            yield return $"{CredentialsKey} is not set: the API needs a credential for the on-behalf-of call to Graph, e.g. the Key Vault "
                + $"certificate ({CredentialsKey}:0:SourceType=KeyVault, KeyVaultUrl, KeyVaultCertificateName); see deploy/README.md.";
            yield break;
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
                yield return $"{CredentialsKey}:{index}:SourceType '{source}' is not one of {string.Join(", ", CredentialFields.Keys)}.";
                continue;
            }

            foreach (var missing in fields.Where(f => string.IsNullOrWhiteSpace(credential[f])))
            {
                yield return $"{CredentialsKey}:{index}:{missing} is not set (needed with SourceType={source}).";
            }

            if (source.Equals("KeyVault", StringComparison.OrdinalIgnoreCase) && UrlProblem(configuration, $"{CredentialsKey}:{index}:KeyVaultUrl") is { } bad)
            {
                yield return bad;
            }
        }
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
