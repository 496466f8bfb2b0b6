using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;
using Npgsql;

namespace OutlookFollowUp.Storage;

/// <summary>
/// Azure Database for PostgreSQL with Microsoft Entra authentication only: the connection string names the managed
/// identity as user and carries no password; the password is an Entra token for the database, fetched by the identity
/// and refreshed before it expires (tokens last about an hour, so each new physical connection gets a fresh one).
/// </summary>
public static class PostgresEntraAuthentication
{
    public const string Scope = "https://ossrdbms-aad.database.windows.net/.default";

    private static readonly string[] AzureHostSuffixes =
        [".postgres.database.azure.com", ".postgres.database.usgovcloudapi.net", ".postgres.database.chinacloudapi.cn"];

    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> DataSources = new(StringComparer.Ordinal);
    private static readonly Lazy<TokenCredential> Identity = new(() => new DefaultAzureCredential());

    /// <summary>True for an Azure PostgreSQL server reached without a password: the token takes its place.</summary>
    public static bool Applies(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return string.IsNullOrEmpty(builder.Password)
            && builder.Host is { } host && AzureHostSuffixes.Any(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>One data source per connection string for the process (it owns the connection pool).</summary>
    public static NpgsqlDataSource DataSource(string connectionString) =>
        DataSources.GetOrAdd(connectionString, cs => Create(cs, Identity.Value));

    /// <summary>A data source whose password is a fresh Entra token from <paramref name="credential"/>.</summary>
    public static NpgsqlDataSource Create(string connectionString, TokenCredential credential)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UsePeriodicPasswordProvider(
            async (_, ct) => (await credential.GetTokenAsync(new TokenRequestContext([Scope]), ct)).Token,
            successRefreshInterval: TimeSpan.FromMinutes(30),
            failureRefreshInterval: TimeSpan.FromSeconds(10));
        return builder.Build();
    }
}
