using System.Text;
using Microsoft.Playwright;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>Local mode with a pasted token that expired: the pane says what to do, and offers no retry that cannot help.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PanePastedTokenTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;

    [BrowserFact]
    public async Task A_token_expired_before_the_first_open_says_so_with_no_Try_again()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now, Token(Now.AddMinutes(-1)));
        await using var pane = await PanePage.OpenAsync(browser, host);

        var alert = pane.Page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();

        Assert.Contains("The pasted Graph token has expired.", await alert.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await alert.GetByRole(AriaRole.Button).CountAsync());
        await pane.AssertAccessibleAsync("token expired");
    }

    [BrowserFact]
    public async Task A_token_that_expires_while_the_pane_is_open_says_so_with_no_Try_again()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now, Token(Now.AddHours(1)));
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        host.Clock.Advance(TimeSpan.FromHours(2));

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        var said = pane.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "expired" });
        await said.WaitForAsync();

        Assert.Equal(0, await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Try again" }).CountAsync());
        await pane.ScreenshotAsync("token-expired");
    }

    private static Dictionary<string, string> Token(DateTimeOffset expires) => new()
    {
        ["Graph:AccessToken"] = $"{Part("""{"typ":"JWT","alg":"RS256"}""")}.{Part($$"""{"tid":"tenant-1","oid":"object-1","exp":{{expires.ToUnixTimeSeconds()}}}""")}.c2lnbmF0dXJl",
    };

    private static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
