using Microsoft.Playwright;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>Snooze, Done and Settings in the pane change the server's state, checked through the API.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneActionTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;
    private const string Contract = "Contract draft for the Q1 review";

    [BrowserFact(ApiFeature.Reminders)]
    public async Task Snooze_Tomorrow_CreatesAReminderAtNine_AndBadgesTheRow()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        var row = Row(pane.Page, Contract);

        await row.GetByRole(AriaRole.Button, new() { Name = "Snooze" }).ClickAsync();
        await pane.ScreenshotAsync("snooze-choices");
        await row.GetByRole(AriaRole.Button, new() { Name = "Tomorrow" }).ClickAsync();
        await Row(pane.Page, Contract).GetByText("Reminder Tue, Nov 24, 9:00 AM").WaitForAsync();
        await pane.ScreenshotAsync("snoozed");

        var reminder = (await host.GetJsonAsync("/api/reminders"))["reminders"]!.AsArray().Single()!;
        var thread = (await host.ThreadsAsync("theirs")).First(t => (string?)t!["subject"] == Contract)!;
        Assert.Equal(((string?)thread["messageId"], new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)),
            ((string?)reminder["messageId"], (DateTimeOffset)reminder["remindAt"]!));
    }

    [BrowserFact(ApiFeature.Reminders)]
    public async Task Snooze_Again_MovesTheSameReminder()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        await SnoozeAsync(pane.Page, Contract, "Tomorrow");
        await Row(pane.Page, Contract).GetByText("Reminder Tue").WaitForAsync();
        await SnoozeAsync(pane.Page, Contract, "Next week");
        await Row(pane.Page, Contract).GetByText("Reminder Mon, Nov 30").WaitForAsync();

        var reminders = (await host.GetJsonAsync("/api/reminders"))["reminders"]!.AsArray();
        Assert.Equal([new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)], reminders.Select(r => (DateTimeOffset)r!["remindAt"]!));
    }

    [BrowserFact(ApiFeature.Dismissals)]
    public async Task Done_DismissesTheThreadOnTheServer()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = $"Done: \"{Contract}\"" }).ClickAsync();
        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).WaitForAsync();
        await pane.ScreenshotAsync("done-toast");

        Assert.DoesNotContain(Contract, PaneListTests.Subjects(await host.ThreadsAsync("theirs")));
        Assert.DoesNotContain(Contract, await PaneListTests.RowSubjectsAsync(pane.Page));
    }

    [BrowserFact(ApiFeature.Reminders)]
    public async Task Snooze_ChoicesAreLabelled_AndPickADateSnoozesUntilThatTime()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        var row = Row(pane.Page, Contract);

        await row.GetByRole(AriaRole.Button, new() { Name = "Snooze", Exact = true }).ClickAsync();
        var group = row.GetByRole(AriaRole.Group, new() { Name = "Snooze until" });
        await group.GetByRole(AriaRole.Button, new() { Name = "Pick a date" }).ClickAsync();
        await group.GetByLabel("Date and time").FillAsync("2026-12-02T14:30");
        await pane.ScreenshotAsync("snooze-pick-a-date");
        await pane.AssertAccessibleAsync("snooze, pick a date");
        await group.GetByRole(AriaRole.Button, new() { Name = "Snooze until the date picked" }).ClickAsync();
        await Row(pane.Page, Contract).GetByText("Reminder Wed, Dec 2, 2:30 PM").WaitForAsync();

        var reminder = (await host.GetJsonAsync("/api/reminders"))["reminders"]!.AsArray().Single()!;
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 14, 30, 0, TimeSpan.Zero), (DateTimeOffset)reminder["remindAt"]!);
    }

    [BrowserFact(ApiFeature.Dismissals)]
    public async Task DoneToast_OffersUndoAndClose_NotASecondDismiss()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = $"Done: \"{Contract}\"" }).ClickAsync();
        var toast = pane.Page.Locator("#toast");
        await toast.GetByRole(AriaRole.Button, new() { Name = "Undo" }).WaitForAsync();
        var buttons = await toast.GetByRole(AriaRole.Button).EvaluateAllAsync<string[]>("bs => bs.map(b => b.getAttribute('aria-label') || b.textContent)");
        await toast.GetByRole(AriaRole.Button, new() { Name = "Close message" }).ClickAsync();

        Assert.Equal(["Undo", "Close message"], buttons);
        Assert.True(await toast.IsHiddenAsync());
        Assert.DoesNotContain(Contract, PaneListTests.Subjects(await host.ThreadsAsync("theirs")));
    }

    [BrowserFact(ApiFeature.Dismissals)]
    public async Task Done_Undo_BringsTheThreadBack()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = $"Done: \"{Contract}\"" }).ClickAsync();
        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Row(pane.Page, Contract).WaitForAsync();

        Assert.Contains(Contract, PaneListTests.Subjects(await host.ThreadsAsync("theirs")));
    }

    [BrowserFact(ApiFeature.Settings)]
    public async Task Settings_SliderStaysInsideTheTenantBounds_AndSaveChangesTheServer()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await host.SendJsonAsync(HttpMethod.Put, "/api/admin/policy",
            new { defaultWindowHours = 36, minWindowHours = 30, maxWindowHours = 40, excludedDomains = Array.Empty<string>(), retentionDays = 180 });
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        var slider = pane.Page.GetByRole(AriaRole.Slider, new() { Name = "Wait before a thread counts as unanswered" });
        await slider.WaitForAsync();
        await pane.ScreenshotAsync("settings");
        await pane.AssertAccessibleAsync("settings");
        var bounds = (await slider.GetAttributeAsync("min"), await slider.GetAttributeAsync("max"));
        await slider.FocusAsync();
        await pane.Page.Keyboard.PressAsync("Home");
        await pane.Page.GetByLabel("Count business days only").CheckAsync();
        await pane.Page.GetByLabel("Never list mail with these domains").FillAsync("northwind.example\n");
        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await pane.Page.Locator("#list-view").WaitForAsync();

        var settings = await host.GetJsonAsync("/api/settings");
        Assert.Equal((("30", "40")), bounds);
        Assert.Equal((30, true, "northwind.example"),
            ((int)settings["windowHours"]!, (bool)settings["businessDays"]!, (string?)settings["excludedDomains"]![0]));
    }

    [BrowserFact(ApiFeature.Settings)]
    public async Task Settings_TheMorningDigest_FollowsTheAdminDefault_AndTheUsersChoiceIsSaved()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await host.SendJsonAsync(HttpMethod.Put, "/api/admin/policy",
            new { defaultWindowHours = 48, minWindowHours = 24, maxWindowHours = 48, excludedDomains = Array.Empty<string>(), retentionDays = 180, digestDefault = true });
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        var digest = pane.Page.GetByLabel("Send me a morning digest");
        await digest.WaitForAsync();
        var byDefault = await digest.IsCheckedAsync();
        await digest.UncheckAsync();
        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await pane.Page.Locator("#list-view").WaitForAsync();

        var settings = await host.GetJsonAsync("/api/settings");
        Assert.True(byDefault, "the admin's default shows as the user's setting until they choose");
        Assert.False((bool)settings["digest"]!);
    }

    private static ILocator Row(IPage page, string subject) =>
        page.Locator(".row").Filter(new() { Has = page.Locator(".subject", new() { HasTextString = subject }) });

    private static async Task SnoozeAsync(IPage page, string subject, string choice)
    {
        var row = Row(page, subject);
        await row.GetByRole(AriaRole.Button, new() { Name = "Snooze", Exact = true }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = choice }).ClickAsync();
    }
}
