using System.Text.Json;
using Microsoft.Playwright;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// With Entra ID the pane signs in through Outlook: opened in a plain browser it says so (no "Something went wrong",
/// no "Try again" that cannot help), and inside Outlook a server that does not serve the sign-in library is named as such.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneSignInMessageTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;

    [BrowserFact]
    public async Task OutsideOutlook_WithEntraId_SaysToOpenItFromOutlook_WithoutTryAgain()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await OpenWithEntraIdAsync(host, officeMock: null);
        var apiCalls = new List<string>();
        pane.Page.Request += (_, r) => { if (r.Url.Contains("/api/threads", StringComparison.Ordinal)) apiCalls.Add(r.Url); };

        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());
        await pane.ReadyAsync();
        var alert = await pane.Page.Locator("#panel [role=alert]").InnerTextAsync();
        await pane.ScreenshotAsync("signin-outside-outlook");

        Assert.Contains("Open Follow-ups in Outlook", alert, StringComparison.Ordinal);
        Assert.Contains("signs you in with your Outlook account", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("Something went wrong", alert, StringComparison.Ordinal);
        Assert.Equal(0, await pane.Page.Locator("#panel [role=alert] button").CountAsync());
        Assert.Empty(apiCalls);
        await pane.AssertAccessibleAsync("sign-in outside Outlook");
    }

    [BrowserFact]
    public async Task InsideOutlook_WithoutTheSignInLibrary_SaysTheServerLacksIt()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await OpenWithEntraIdAsync(host, new { item = (object?)null, requirementSets = new[] { "Mailbox 1.5", "NestedAppAuth 1.1" } });
        await pane.Page.RouteAsync("**/lib/msal-browser.min.js", route => route.FulfillAsync(new RouteFulfillOptions { Status = 404 }));

        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());
        await pane.ReadyAsync();
        var alert = await pane.Page.Locator("#panel [role=alert]").InnerTextAsync();

        Assert.Contains("Sign-in is not available", alert, StringComparison.Ordinal);
        Assert.Contains("does not serve the sign-in library", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("Something went wrong", alert, StringComparison.Ordinal);
    }

    /// <summary>The pane with /api/config saying Entra ID; navigate to /taskpane.html after adding routes.</summary>
    private async Task<PanePage> OpenWithEntraIdAsync(PaneHost host, object? officeMock)
    {
        var pane = await PanePage.OpenAsync(browser, host, "/support.html", officeMock);
        await pane.Page.RouteAsync("**/api/config", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = JsonSerializer.Serialize(new
            {
                localMode = false, clientId = "11111111-2222-3333-4444-555555555555",
                apiScope = "api://127.0.0.1/11111111-2222-3333-4444-555555555555/access_as_user",
                authority = "https://login.microsoftonline.com/common",
            }),
        }));
        return pane;
    }
}
