using System.Text.Json;
using Microsoft.Playwright;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// Remind me if no reply: the compose command and the compose card mark the draft with the followupRemind custom
/// property (hours, or an ISO date), which stays in the sender's mailbox; no internet header reaches the recipients.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneComposeTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;

    private static object Draft(object? extra = null) => extra ?? new { item = new { compose = true } };

    [BrowserFact]
    public async Task Command_SetsTheCustomProperty_SavesIt_WritesNoHeader_AndCallsCompleted()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await OpenCommandsAsync(host, Draft());

        await pane.Page.EvaluateAsync("() => window.__office.runCommand('markRemindIfNoReply')");

        Assert.Equal("""["followupRemind","48"]""", (await pane.OfficeCallsAsync("customProperties.set")).Single().GetRawText());
        Assert.Single(await pane.OfficeCallsAsync("customProperties.saveAsync"));
        Assert.Equal("48", await SavedAsync(pane));
        Assert.Empty(await pane.OfficeCallsAsync("internetHeaders.setAsync"));
        Assert.Single(await pane.OfficeCallsAsync("event.completed"));
    }

    [BrowserFact]
    public async Task Command_SaysWhatWillHappen()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await OpenCommandsAsync(host, Draft());

        await pane.Page.EvaluateAsync("() => window.__office.runCommand('markRemindIfNoReply')");

        var notice = (await pane.OfficeCallsAsync("notificationMessages.replaceAsync")).Single()[1];
        Assert.Equal(("informationalMessage", "Follow-ups will remind you 48 h after you send this if nobody replies."),
            (notice.GetProperty("type").GetString(), notice.GetProperty("message").GetString()));
    }

    [BrowserFact]
    public async Task Command_WhenOutlookRefusesTheSave_ShowsAnError_AndStillCallsCompleted()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await OpenCommandsAsync(host, Draft(new { item = new { compose = true, failSave = "The item could not be saved." } }));

        await pane.Page.EvaluateAsync("() => window.__office.runCommand('markRemindIfNoReply')");

        var notice = (await pane.OfficeCallsAsync("notificationMessages.replaceAsync")).Single()[1];
        Assert.Equal("errorMessage", notice.GetProperty("type").GetString());
        Assert.Contains("The item could not be saved.", notice.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(await SavedAsync(pane));
        Assert.Single(await pane.OfficeCallsAsync("event.completed"));
    }

    [BrowserFact]
    public async Task Command_WithoutCustomProperties_SaysOutlookCannotMarkIt_AndStillCallsCompleted()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await OpenCommandsAsync(host, Draft(new { item = new { compose = true, noCustomProperties = true } }));

        await pane.Page.EvaluateAsync("() => window.__office.runCommand('markRemindIfNoReply')");

        var notice = (await pane.OfficeCallsAsync("notificationMessages.replaceAsync")).Single()[1];
        Assert.Equal("errorMessage", notice.GetProperty("type").GetString());
        Assert.Empty(await pane.OfficeCallsAsync("internetHeaders.setAsync"));
        Assert.Single(await pane.OfficeCallsAsync("event.completed"));
    }

    [BrowserFact]
    public async Task Card_In24Hours_MarksTheDraft_AndShowsTheMark()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: Draft());
        await pane.ReadyAsync();
        var card = pane.Page.Locator("#card");

        await card.GetByRole(AriaRole.Button, new() { Name = "In 24 hours" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Remove the mark" }).WaitForAsync();
        await pane.ScreenshotAsync("compose-card-marked");

        Assert.Equal("24", await SavedAsync(pane));
        Assert.Contains("You'll be reminded 24 h after sending if nobody replies.", await card.TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(await pane.OfficeCallsAsync("internetHeaders.setAsync"));
        await pane.AssertAccessibleAsync("compose card, marked");
    }

    [BrowserFact]
    public async Task Card_PickADate_MarksTheDraftWithTheIsoInstant()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: Draft());
        await pane.ReadyAsync();
        var card = pane.Page.Locator("#card");

        await card.Locator("input[type=datetime-local]").FillAsync("2026-11-27T14:30");
        await card.GetByRole(AriaRole.Button, new() { Name = "Set reminder" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Remove the mark" }).WaitForAsync();

        // The page runs in UTC (PanePage), so the local time picked is the instant stored.
        Assert.Equal("2026-11-27T14:30:00.000Z", await SavedAsync(pane));
    }

    [BrowserFact]
    public async Task Card_RemoveTheMark_TakesThePropertyOff()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host,
            officeMock: Draft(new { item = new { compose = true, customProperties = new Dictionary<string, string> { ["followupRemind"] = "48" } } }));
        await pane.ReadyAsync();
        var card = pane.Page.Locator("#card");

        await card.GetByRole(AriaRole.Button, new() { Name = "Remove the mark" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "In 48 hours" }).WaitForAsync();

        Assert.Null(await SavedAsync(pane));
    }

    private async Task<PanePage> OpenCommandsAsync(PaneHost host, object mock)
    {
        var pane = await PanePage.OpenAsync(browser, host, "/commands.html", mock);
        await pane.Page.WaitForFunctionAsync("() => window.__office.callsNamed('actions.associate').length === 3");
        return pane;
    }

    private static async Task<string?> SavedAsync(PanePage pane) =>
        JsonDocument.Parse(await pane.Page.EvaluateAsync<string>("() => JSON.stringify(window.__office.savedProperties())"))
            .RootElement.TryGetProperty("followupRemind", out var value) ? value.GetString() : null;
}
