using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OutlookFollowUp.Hosting;

namespace OutlookFollowUp.Tests.Hosting;

/// <summary>The API started as a process in Production: refused with one line per missing setting, ready with them all.</summary>
[Trait("Needs", "Postgres")]
public sealed class ProductionStartTests
{
    private const string Tenant = "6f1c5e0a-3b1d-4c8e-9a51-0d7e4c2b9f10";

    /// <summary>Everything a Production start needs, as the container app sets it (the database is filled in per test).</summary>
    internal static Dictionary<string, string?> CompleteSettings(string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["AzureAd__Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd__TenantId"] = Tenant,
        ["AzureAd__ClientId"] = "0b3c1f7e-2d4a-4c5b-8e9f-1a2b3c4d5e6f",
        ["AzureAd__Audience"] = "api://followup.contoso.com/0b3c1f7e-2d4a-4c5b-8e9f-1a2b3c4d5e6f",
        ["AzureAd__ClientCredentials__0__SourceType"] = "KeyVault",
        ["AzureAd__ClientCredentials__0__KeyVaultUrl"] = "https://kv-followup-test.vault.azure.net/",
        ["AzureAd__ClientCredentials__0__KeyVaultCertificateName"] = "followup-api",
        ["Storage__Provider"] = "Postgres",
        ["ConnectionStrings__FollowUps"] = connectionString,
        ["Notifications__PublicBaseUrl"] = "https://followup.contoso.com",
    };

    [Theory]
    [InlineData("AzureAd__ClientId", "AzureAd:ClientId")]
    [InlineData("AzureAd__TenantId", "AzureAd:TenantId is not set")]
    [InlineData("AzureAd__ClientCredentials__0__SourceType", "AzureAd:ClientCredentials is not set")]
    [InlineData("AzureAd__ClientCredentials__0__KeyVaultUrl", "AzureAd:ClientCredentials:0:KeyVaultUrl is not set")]
    [InlineData("AzureAd__ClientCredentials__0__KeyVaultCertificateName", "AzureAd:ClientCredentials:0:KeyVaultCertificateName is not set")]
    [InlineData("ConnectionStrings__FollowUps", "ConnectionStrings:FollowUps is not set")]
    public async Task ProductionStart_WithoutARequiredSetting_ExitsNonZeroWithOneLineNamingIt(string variable, string expected)
    {
        var settings = CompleteSettings("Host=127.0.0.1;Port=1;Database=unused");
        settings[variable] = "";

        var (code, _, stderr) = await StartAsync(settings);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n'));
    }

    [Fact]
    public async Task ProductionStart_WithSeveralSettingsMissing_NamesThemAllInOneLine()
    {
        var settings = CompleteSettings("");
        foreach (var variable in new[] { "AzureAd__TenantId", "AzureAd__ClientCredentials__0__KeyVaultUrl", "AzureAd__Audience" })
        {
            settings[variable] = "";
        }

        var (code, _, stderr) = await StartAsync(settings);

        Assert.True(code != 0 && stderr.Split('\n') is [var line]
            && new[] { "AzureAd:TenantId", "AzureAd:ClientCredentials:0:KeyVaultUrl", "ConnectionStrings:FollowUps" }.All(k => line.Contains(k, StringComparison.Ordinal))
            && !line.Contains("Audience", StringComparison.Ordinal), $"{code}: {stderr}");
    }

    [Fact]
    public async Task ProductionStart_WithNothingConfigured_SaysHowToTryItAndEverySettingProductionNeeds()
    {
        var (code, _, stderr) = await StartAsync(new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        var needed = new[] { "AzureAd:ClientId", "AzureAd:TenantId", "AzureAd:ClientCredentials:0:KeyVaultUrl", "AzureAd:ClientCredentials:0:KeyVaultCertificateName", "ConnectionStrings:FollowUps" };
        Assert.True(code != 0 && stderr.Split('\n') is [var line] && line.Contains("ASPNETCORE_ENVIRONMENT=Development", StringComparison.Ordinal)
            && needed.All(k => line.Contains(k, StringComparison.Ordinal)) && !line.Contains("Audience", StringComparison.Ordinal), $"{code}: {stderr}");
    }

    [Fact]
    public async Task ProductionStart_WithPostgreSqlUnreachable_ExitsWithOneLineNamingTheServer()
    {
        var port = ClosedPort();

        var (code, stdout, stderr) = await StartAsync(CompleteSettings($"Host=127.0.0.1;Port={port};Database=followups;Username=api;Password=s3cret;Timeout=5"));

        Assert.True(code is not (0 or 134) && stderr.Split('\n') is [var line]
            && line.Contains($"PostgreSQL 127.0.0.1:{port}/followups cannot be reached", StringComparison.Ordinal), $"{code}: {stderr}");
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", stdout + stderr, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ProductionStart_WithEverySetting_IsReadyAgainstARealPostgreSql()
    {
        await using var database = await TestDatabase.CreateAsync(OutlookFollowUp.Storage.StorageProvider.Postgres, migrate: false);
        await using var api = ApiProcess.Start(RepositoryFiles.ApiOutput, CompleteSettings(database.ConnectionString + ";Pooling=false"));
        using var http = new HttpClient();

        using var ready = await api.WaitForAsync(http, "health/ready", TimeSpan.FromSeconds(90));

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        var body = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal("reachable", (string?)body["database"]);
        Assert.DoesNotContain("Password=", api.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Requirements_OutsideProduction_AskForNothing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureAd:ClientId"] = "x" }).Build();

        Assert.Null(ProductionRequirements.Problem(configuration, new TestHostEnvironment("Development")));
        Assert.NotNull(ProductionRequirements.Problem(configuration, new TestHostEnvironment("Production")));
    }

    [Theory]
    [InlineData("AzureAd:ClientCredentials:0:SourceType", "Certificate", "SourceType 'Certificate' is not one of")]
    [InlineData("AzureAd:ClientCredentials:0:KeyVaultUrl", "http://kv.example", "is not an absolute https URL")]
    [InlineData("Notifications:PublicBaseUrl", "followup.contoso.com", "Notifications:PublicBaseUrl 'followup.contoso.com' is not an absolute https URL.")]
    [InlineData("Storage:Provider", "SqlServer", "Storage:Provider 'SqlServer' is not Sqlite or Postgres.")]
    [InlineData("Graph:AccessToken", "eyJ0eXAi", "Graph:AccessToken is set")]
    [InlineData("Graph:Mode", "AppOnly", "Graph:Mode 'AppOnly' is not Delegated or Application.")]
    public void Requirements_AWrongValue_IsNamed(string key, string value, string expected)
    {
        var configuration = Configuration(key, value);

        Assert.Contains(expected, ProductionRequirements.Problem(configuration, new TestHostEnvironment("Production")), StringComparison.Ordinal);
    }

    [Fact]
    public void Requirements_TheContainerAppsSettings_AreComplete()
    {
        Assert.Null(ProductionRequirements.Problem(Configuration(), new TestHostEnvironment("Production")));
    }

    [Theory]
    [InlineData("Delegated")]
    [InlineData("application")]
    public void Requirements_EitherGraphMode_IsAccepted(string mode)
    {
        Assert.Null(ProductionRequirements.Problem(Configuration("Graph:Mode", mode), new TestHostEnvironment("Production")));
    }

    [Fact]
    public async Task CredentialCheck_ReportsTheKindOfCredentialNeverItsValue()
    {
        var configured = await new CredentialHealthCheck(Configuration("AzureAd:ClientSecret", "s3cret-value")).CheckHealthAsync(new HealthCheckContext());
        var missing = await new CredentialHealthCheck(Configuration("AzureAd:ClientCredentials:0:SourceType", "")).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, configured.Status);
        Assert.Equal("configured (KeyVault)", configured.Description);
        Assert.DoesNotContain("s3cret", configured.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, missing.Status);
        Assert.Equal("AzureAd:ClientCredentials is not set", missing.Description);
    }

    [Fact]
    public void Requirements_TheAudience_IsNotRequired()
    {
        Assert.Null(ProductionRequirements.Problem(Configuration("AzureAd:Audience", ""), new TestHostEnvironment("Production")));
    }

    /// <summary>The built API as a process, in its own output folder (its appsettings files apply), run until it exits.</summary>
    private static Task<(int Code, string Stdout, string Stderr)> StartAsync(Dictionary<string, string?> settings) =>
        RepositoryFiles.RunAsync("dotnet", [Path.Combine(RepositoryFiles.ApiOutput, "OutlookFollowUp.Api.dll")], RepositoryFiles.ApiOutput, settings);

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The complete settings as configuration keys, with one changed.
    private static IConfiguration Configuration(string? key = null, string? value = null)
    {
        var values = CompleteSettings("Host=db.example;Database=followups")
            .Where(s => s.Key != "ASPNETCORE_ENVIRONMENT")
            .ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => s.Value);
        if (key is not null)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
