using System.Net;
using System.Text.Json;

namespace OutlookFollowUp.Tests.Health;

/// <summary>/health/ready reports the on-behalf-of credential's presence (its kind, never its value).</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_WithACredential_NamesItsKindOnly()
    {
        using var app = new ApiApplication();
        using var response = await app.CreateClient(null).GetAsync("/health/ready");

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((HttpStatusCode.OK, "configured (ClientSecret)"), (response.StatusCode, body.GetProperty("credential").GetString()));
        Assert.DoesNotContain("test-client-secret", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_WithoutACredential_Is503NamingTheSetting()
    {
        using var app = new ApiApplication { Settings = new Dictionary<string, string> { ["AzureAd:ClientSecret"] = "" } };
        using var response = await app.CreateClient(null).GetAsync("/health/ready");

        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Contains("AzureAd:ClientCredentials is not set", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
