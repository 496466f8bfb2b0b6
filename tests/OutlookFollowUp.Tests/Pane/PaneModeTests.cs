using Microsoft.Playwright;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// Settings' "Show every unanswered thread" switch: saved as it flips (rule 9 off), and going back shows the list of
/// that mode: the sample mailbox's thanks from Lena, left out by default, comes back.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneModeTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;
    private const string Thanks = "RE: Notes from the design review";

    [BrowserFact(ApiFeature.Settings)]
    public async Task ShowEveryUnansweredThread_SavesAtOnce_AndTheListBringsBackTheThanks()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        await pane.Page.GetByRole(AriaRole.Tab, new() { Name = "Waiting on you" }).ClickAsync();
        var before = await PaneListTests.RowSubjectsAsync(pane.Page);

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        var everyThread = pane.Page.GetByRole(AriaRole.Switch, new() { Name = "Show every unanswered thread" });
        await everyThread.CheckAsync();
        await pane.Page.GetByRole(AriaRole.Status).GetByText("Saved.", new() { Exact = true }).WaitForAsync();
        await pane.ScreenshotAsync("settings-every-thread");
        await pane.AssertAccessibleAsync("settings-every-thread");
        var saved = await host.GetJsonAsync("/api/settings");
        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Back to follow-ups" }).ClickAsync();
        await pane.Page.Locator(".row .subject", new() { HasTextString = Thanks }).WaitForAsync();

        Assert.DoesNotContain(Thanks, before);
        Assert.True((bool)saved["allUnanswered"]!);
        Assert.Equal(PaneListTests.Subjects(await host.ThreadsAsync("mine")), await PaneListTests.RowSubjectsAsync(pane.Page));
    }
}
