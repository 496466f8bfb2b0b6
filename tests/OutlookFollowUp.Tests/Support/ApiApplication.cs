using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace OutlookFollowUp.Tests.Support;

/// <summary>
/// The API in a test host: Entra ID mode trusting only <see cref="TestTokens.Key"/> (token validation otherwise real and
/// offline), or local mode; a private SQLite file; a fake clock; and no network: any outbound HTTP fails the test.
/// </summary>
public class ApiApplication : WebApplicationFactory<Program>
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"followups-api-{Guid.NewGuid():N}.db");

    /// <summary>Monday 2026-11-23 09:00 UTC, where every test host's clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Local mode (no AzureAd:ClientId, Development) instead of Entra ID.</summary>
    public bool Local { get; init; }

    public int PermitsPerMinute { get; init; } = 10_000;

    /// <summary>Extra configuration, as if from appsettings.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra registrations (test-only endpoints, fakes) after the app's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Local ? "Development" : "Test");
        builder.UseSetting("ConnectionStrings:FollowUps", $"Data Source={_databaseFile};Pooling=False");
        builder.UseSetting("RateLimit:PermitsPerWindow", PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (!Local)
        {
            builder.UseSetting("AzureAd:Instance", TestTokens.Instance);
            builder.UseSetting("AzureAd:TenantId", TestTokens.TenantA);
            builder.UseSetting("AzureAd:ClientId", TestTokens.ClientId);
            builder.UseSetting("AzureAd:AllowedTenants:0", TestTokens.TenantA);
            builder.UseSetting("AzureAd:AllowedTenants:1", TestTokens.TenantB);
            // The on-behalf-of credential is configured (readiness checks it); no request ever leaves the test.
            if (!Settings.ContainsKey("AzureAd:ClientSecret"))
            {
                builder.UseSetting("AzureAd:ClientSecret", "test-client-secret");
            }
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => new NoNetworkHandler()));
            if (!Local)
            {
                services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, TrustOnlyTheTestKey);
            }

            TestServices?.Invoke(services);
        });
    }

    public HttpClient CreateClient(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static void TrustOnlyTheTestKey(JwtBearerOptions options)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer(TestTokens.TenantA) };
        configuration.SigningKeys.Add(TestTokens.Key);
        options.Configuration = configuration;
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        options.RequireHttpsMetadata = false;
        options.BackchannelHttpHandler = new NoNetworkHandler();
        options.TokenValidationParameters.IssuerSigningKey = TestTokens.Key;
        options.TokenValidationParameters.IssuerSigningKeys = [TestTokens.Key];
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(_databaseFile + suffix);
        }
    }
}

/// <summary>Outbound HTTP that a test did not plan for is a bug: fail loudly.</summary>
public sealed class NoNetworkHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"Unexpected outbound HTTP in a test: {request.Method} {request.RequestUri}");
}
