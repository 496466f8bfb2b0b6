using System.Net.Http.Json;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Config;

namespace OutlookFollowUp.Tests.Config;

/// <summary>GET /api/config names the API scope from configuration only: a hostile Host header changes nothing.</summary>
public sealed class ConfigScopeTests
{
    [Theory]
    [InlineData("", $"api://{TestTokens.ClientId}/access_as_user")]
    [InlineData("followup.contoso.com", $"api://followup.contoso.com/{TestTokens.ClientId}/access_as_user")]
    [InlineData("https://followup.contoso.com:8443/", $"api://followup.contoso.com:8443/{TestTokens.ClientId}/access_as_user")]
    public async Task A_hostile_Host_header_is_not_echoed_into_the_api_scope(string publicHost, string expected)
    {
        using var app = new ApiApplication { Settings = new Dictionary<string, string> { [AppIdUri.PublicHostKey] = publicHost } };
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/config");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);
        var config = await response.Content.ReadFromJsonAsync<PaneConfig>();

        Assert.Equal(expected, config!.ApiScope);
    }

    [Theory]
    [InlineData("followup.contoso.com/path")]
    [InlineData("user@followup.contoso.com")]
    [InlineData("https://")]
    public void A_public_host_that_is_not_a_host_stops_the_start(string publicHost)
    {
        using var app = new ApiApplication { Settings = new Dictionary<string, string> { [AppIdUri.PublicHostKey] = publicHost } };

        Assert.ThrowsAny<InvalidOperationException>(() => app.CreateClient());
    }
}
