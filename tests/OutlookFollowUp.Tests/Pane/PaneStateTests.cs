using Microsoft.Playwright;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>Loading, empty, error and stale: each one screenshotted and checked by axe-core.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneStateTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;

    [BrowserFact]
    public async Task List_HasNoAccessibilityViolations()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        await pane.AssertAccessibleAsync("list");
    }

    [BrowserFact]
    public async Task DarkTheme_HasNoAccessibilityViolations()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await pane.ReadyAsync();

        await pane.ScreenshotAsync("dark");
        await pane.AssertAccessibleAsync("dark theme");
    }

    [BrowserFact]
    public async Task Loading_ShowsASpinnerUntilTheThreadsArrive()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        var release = new TaskCompletionSource();
        await using var pane = await PanePage.OpenAsync(browser, host, path: "/support.html");
        await pane.Page.RouteAsync("**/api/threads?*", async route => { await release.Task; await route.ContinueAsync(); });
        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());

        await pane.Page.GetByRole(AriaRole.Progressbar, new() { Name = "Loading follow-ups" }).WaitForAsync();
        await pane.ScreenshotAsync("loading");
        Assert.Equal("true", await pane.Page.GetAttributeAsync("main", "aria-busy"));
        await pane.AssertAccessibleAsync("loading");
        release.SetResult();
        await pane.ReadyAsync();
    }

    [BrowserFact]
    public async Task EmptyMailbox_SaysNothingIsWaiting()
    {
        using var host = new PaneHost(new InMemoryMailbox(SampleMailbox.Address), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        await pane.ScreenshotAsync("empty");
        Assert.Equal("Nobody owes you a reply.", await pane.Page.Locator(".empty .subject").TextContentAsync());
        Assert.Equal(("0", "0"), (await pane.Page.TextContentAsync("#count-theirs"), await pane.Page.TextContentAsync("#count-mine")));
        await pane.AssertAccessibleAsync("empty");
    }

    [BrowserFact]
    public async Task NoConfig_IsAnError_NotASilentLocalMode()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, path: "/support.html");
        await pane.Page.RouteAsync("**/api/config", route => route.FulfillAsync(new() { Status = 404, ContentType = "application/problem+json", Body = """{"title":"Not Found","status":404}""" }));
        var threadCalls = 0;
        pane.Page.Request += (_, r) => { if (r.Url.Contains("/api/threads", StringComparison.Ordinal)) threadCalls++; };

        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());
        await pane.ReadyAsync();

        Assert.True(await pane.Page.GetByRole(AriaRole.Alert).IsVisibleAsync());
        Assert.Equal(0, threadCalls);
    }

    [BrowserFact]
    public async Task GraphDownBeforeTheFirstSync_ShowsTheProblemAndRetries()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        var graphDown = true;
        host.Graph.Faults.Next(GraphMatch.Where(_ => graphDown), Fault.Unavailable(0), times: 1000);
        await using var pane = await PanePage.OpenAsync(browser, host);

        var alert = pane.Page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        await pane.ScreenshotAsync("error");
        Assert.Contains("Your mailbox could not be read yet", await alert.TextContentAsync(), StringComparison.Ordinal);
        await pane.AssertAccessibleAsync("error");

        graphDown = false;
        await alert.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await pane.Page.Locator(".row").First.WaitForAsync();
    }

    [BrowserFact]
    public async Task GraphDownAfterASync_ShowsTheLastListAsStale()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        host.Graph.Faults.Next(GraphMatch.Any, Fault.Unavailable(0), times: 1000);

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        var banner = pane.Page.Locator("#banner");
        await banner.WaitForAsync();
        await pane.ScreenshotAsync("stale");

        Assert.Contains("Outlook could not be reached just now.", await banner.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(PaneListTests.Subjects(await host.ThreadsAsync("theirs")), await PaneListTests.RowSubjectsAsync(pane.Page));
        await pane.AssertAccessibleAsync("stale");
    }
}
