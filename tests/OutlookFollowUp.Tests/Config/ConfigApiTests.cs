using System.Net.Http.Json;
using OutlookFollowUp.Config;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Config;

/// <summary>GET /api/config: what the pane reads before it has a token.</summary>
public sealed class ConfigApiTests
{
    [Fact]
    public async Task LocalMode_SaysNoSignIn_AndNamesTheSampleMailboxOwner()
    {
        using var app = new ApiApplication { Local = true };

        var config = await app.CreateClient().GetFromJsonAsync<PaneConfig>("/api/config");

        Assert.Equal(new PaneConfig(true, null, null, null, SampleMailbox.Name), config);
    }

    [Fact]
    public async Task EntraId_IsAnonymous_AndNamesTheDefaultApiScope()
    {
        using var app = new ApiApplication();

        // No bearer token: the pane asks before it can have one.
        var config = await app.CreateClient().GetFromJsonAsync<PaneConfig>("/api/config");

        Assert.Equal(
            new PaneConfig(false, TestTokens.ClientId, $"api://{TestTokens.ClientId}/access_as_user", $"https://login.microsoftonline.com/{TestTokens.TenantA}"),
            config);
    }

    [Fact]
    public async Task EntraId_AnApiAudience_NamesTheScope()
    {
        using var app = new ApiApplication { Settings = new Dictionary<string, string> { ["AzureAd:Audience"] = "api://followup.contoso.com/abc/" } };

        var config = await app.CreateClient().GetFromJsonAsync<PaneConfig>("/api/config");

        Assert.Equal("api://followup.contoso.com/abc/access_as_user", config!.ApiScope);
    }
}
