using Azure.Core;
using Npgsql;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Storage;

/// <summary>PostgreSQL with Entra ID: no password in the connection string, a token from the identity in its place.</summary>
[Trait("Needs", "Postgres")]
public sealed class PostgresEntraAuthenticationTests
{
    [Theory]
    [InlineData("Host=psql-abc.postgres.database.azure.com;Database=followups;Username=id-api-abc;Ssl Mode=Require", true)]
    [InlineData("Host=psql-abc.postgres.database.usgovcloudapi.net;Database=followups;Username=id-api-abc", true)]
    [InlineData("Host=psql-abc.postgres.database.azure.com;Database=followups;Username=admin;Password=p", false)]
    [InlineData("Host=127.0.0.1;Database=followups;Username=followup", false)]
    public void Applies_OnlyToAnAzureServerWithoutAPassword(string connectionString, bool expected) =>
        Assert.Equal(expected, PostgresEntraAuthentication.Applies(connectionString));

    [PostgresFact]
    public async Task DataSource_SignsInWithTheTokenAsPassword()
    {
        // The test server's password plays the Entra token: the connection string the app gets has none.
        var real = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString);
        var credential = new FixedToken(real.Password!);
        var withoutPassword = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Password = null, Pooling = false };

        await using var source = PostgresEntraAuthentication.Create(withoutPassword.ConnectionString, credential);
        await using var connection = await source.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("select current_user", connection);

        Assert.Equal(real.Username, (string?)await command.ExecuteScalarAsync());
        Assert.Equal([PostgresEntraAuthentication.Scope], credential.Scopes);
    }

    private sealed class FixedToken(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(token, DateTimeOffset.UnixEpoch.AddYears(100));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
