using System.Text.Json;
using Microsoft.Playwright;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>Inside Outlook: the real office.js from the npm package around a mocked mailbox (office-mock.js).</summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneOfficeTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;

    // The sample's first message ("Contract draft for the Q1 review", sent to Ana) as Outlook would hand it to the add-in.
    internal const string EwsId = "AAMkEWS-contract";
    internal const string RestId = "AAMkSample001=";
    internal const string InternetMessageId = "<sample-001.contract@contoso.com>";

    internal static object ReadItem(string hostName = "OutlookWebApp") => new
    {
        item = new { itemId = EwsId, internetMessageId = InternetMessageId, subject = "Contract draft for the Q1 review" },
        restIds = new Dictionary<string, string> { [EwsId] = RestId },
        hostName,
    };

    [BrowserFact]
    public async Task RemindIn48h_PostsTheRestConvertedId_AndCallsCompleted()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, "/commands.html", ReadItem());
        await pane.Page.WaitForFunctionAsync("() => window.__office.callsNamed('actions.associate').length === 3");

        var request = pane.Page.WaitForRequestAsync(r => r.Url.EndsWith("/api/reminders", StringComparison.Ordinal) && r.Method == "POST");
        await pane.Page.EvaluateAsync("() => window.__office.runCommand('remindIn48h')");
        var body = JsonDocument.Parse((await request).PostData!).RootElement;

        Assert.Equal((RestId, InternetMessageId, 48),
            (body.GetProperty("messageId").GetString(), body.GetProperty("internetMessageId").GetString(), body.GetProperty("afterHours").GetInt32()));
        Assert.Equal(JsonSerializer.Serialize(new object[] { EwsId, "v2.0" }), (await pane.OfficeCallsAsync("convertToRestId")).Single().GetRawText());
        Assert.Single(await pane.OfficeCallsAsync("event.completed"));
    }

    [BrowserFact]
    public async Task RemindIn24h_OnIos_SendsTheItemIdAsItIs()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, "/commands.html", ReadItem(hostName: "OutlookIOS"));
        await pane.Page.WaitForFunctionAsync("() => window.__office.callsNamed('actions.associate').length === 3");

        var request = pane.Page.WaitForRequestAsync(r => r.Url.EndsWith("/api/reminders", StringComparison.Ordinal));
        await pane.Page.EvaluateAsync("() => window.__office.runCommand('remindIn24h')");
        var body = JsonDocument.Parse((await request).PostData!).RootElement;

        Assert.Equal((EwsId, 24), (body.GetProperty("messageId").GetString(), body.GetProperty("afterHours").GetInt32()));
        Assert.Empty(await pane.OfficeCallsAsync("convertToRestId"));
    }

    [BrowserFact(ApiFeature.Reminders)]
    public async Task RemindIn48h_CreatesTheReminderOnTheServer_AndSaysWhen()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, "/commands.html", ReadItem());
        await pane.Page.WaitForFunctionAsync("() => window.__office.callsNamed('actions.associate').length === 3");

        await pane.Page.EvaluateAsync("() => window.__office.runCommand('remindIn48h')");

        var reminder = (await host.GetJsonAsync("/api/reminders"))["reminders"]!.AsArray().Single()!;
        Assert.Equal((InternetMessageId, Now.AddHours(48)), ((string?)reminder["internetMessageId"], (DateTimeOffset)reminder["remindAt"]!));
        var notice = (await pane.OfficeCallsAsync("notificationMessages.replaceAsync")).Single()[1];
        Assert.Equal("informationalMessage", notice.GetProperty("type").GetString());
    }

    [BrowserFact]
    public async Task DraftFollowUp_HandsDisplayReplyAllFormTheNudge()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: ReadItem());
        await pane.ReadyAsync();

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Draft follow-up: \"Contract draft for the Q1 review\"" }).ClickAsync();

        var html = (await pane.OfficeCallsAsync("displayReplyAllForm")).Single()[0].GetProperty("htmlBody").GetString();
        Assert.Equal(
            "<p>Hi Ana,</p><p><br></p><p>I wanted to follow up on my message about \"Contract draft for the Q1 review\". Could you let me know " +
            "where this stands, or when I can expect an answer?</p><p><br></p><p>Thank you,</p><p>Alex Wilber</p>",
            html);
    }

    [BrowserFact]
    public async Task DraftFollowUp_ForAnotherMessage_CreatesAReplyAllDraft_AndOpensItByEwsId()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new PaneHost(mailbox, Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: ReadItem());
        await pane.ReadyAsync();

        var draftId = await DraftFollowUpAsync(pane, "Budget numbers for the offsite");

        var draft = mailbox.Find(draftId)!;
        Assert.Equal(($"""["ews:{draftId}"]""", "RE: Budget numbers for the offsite"),
            ((await pane.OfficeCallsAsync("displayMessageForm")).Single().GetRawText(), (string?)draft["subject"]));
        Assert.StartsWith("Hi Bob and Carla,<br><br>I wanted to follow up", (string?)draft["body"]!["content"], StringComparison.Ordinal);
        Assert.Empty(await pane.OfficeCallsAsync("displayNewMessageForm"));
    }

    [BrowserFact]
    public async Task DraftFollowUp_ForAnotherMessage_OnIos_OpensTheDraftByItsRestId()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: ReadItem(hostName: "OutlookIOS"));
        await pane.ReadyAsync();

        var draftId = await DraftFollowUpAsync(pane, "Budget numbers for the offsite");

        Assert.Equal($"""["{draftId}"]""", (await pane.OfficeCallsAsync("displayMessageForm")).Single().GetRawText());
        Assert.Empty(await pane.OfficeCallsAsync("convertToEwsId"));
    }

    [BrowserFact]
    public async Task DraftFollowUp_WhenGraphIsDown_SaysSoAndOpensNothing()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: new { item = (object?)null });
        await pane.ReadyAsync();
        host.Graph.Faults.Next(GraphMatch.Url("createReplyAll"), Fault.Unavailable(0), times: 1000);

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Draft follow-up: \"Budget numbers for the offsite\"" }).ClickAsync();
        await pane.Page.Locator("#toast").GetByText("No draft created: Microsoft Graph is unavailable.").WaitForAsync();

        Assert.Empty(await pane.OfficeCallsAsync("displayMessageForm"));
    }

    /// <summary>Clicks the row's Draft follow-up and returns the draft id the API answered, once Outlook was asked to open it.</summary>
    private static async Task<string> DraftFollowUpAsync(PanePage pane, string subject)
    {
        var response = pane.Page.WaitForResponseAsync(r => r.Url.EndsWith("/draft", StringComparison.Ordinal) && r.Request.Method == "POST");
        await pane.Page.GetByRole(AriaRole.Button, new() { Name = $"Draft follow-up: \"{subject}\"" }).ClickAsync();
        var body = JsonDocument.Parse(await (await response).TextAsync()).RootElement;
        await pane.Page.WaitForFunctionAsync("() => window.__office.callsNamed('displayMessageForm').length === 1");
        return body.GetProperty("draftId").GetString()!;
    }

    [BrowserFact]
    public async Task Open_HandsDisplayMessageFormTheEwsId()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: ReadItem());
        await pane.ReadyAsync();

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Open: \"Contract draft for the Q1 review\"" }).ClickAsync();

        Assert.Equal($"""["ews:{RestId}"]""", (await pane.OfficeCallsAsync("displayMessageForm")).Single().GetRawText());
    }

    [BrowserFact]
    public async Task Card_FollowsItemChanged_IncludingNoItem()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: ReadItem());
        await pane.ReadyAsync();
        var card = pane.Page.Locator("#card");
        await card.GetByRole(AriaRole.Button, new() { Name = "In 48 hours" }).WaitForAsync();
        await pane.ScreenshotAsync("card");
        await pane.AssertAccessibleAsync("message card");

        await pane.Page.EvaluateAsync("() => window.__office.changeItem(null)");
        Assert.Contains("Select a message", await card.TextContentAsync(), StringComparison.Ordinal);

        await pane.Page.EvaluateAsync("() => window.__office.changeItem({ itemId: 'AAMkEWS-other', internetMessageId: '<other@x>', subject: 'Another one' })");
        await card.GetByText("Another one").WaitForAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "In 24 hours" }).WaitForAsync();
    }

    [BrowserFact(ApiFeature.Reminders)]
    public async Task Card_RemindMe_CreatesTheReminder_AndShowsItsState()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: ReadItem());
        await pane.ReadyAsync();
        var card = pane.Page.Locator("#card");

        await card.GetByRole(AriaRole.Button, new() { Name = "In 24 hours" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Remove reminder" }).WaitForAsync();
        await pane.ScreenshotAsync("card-reminder");

        var reminder = (await host.GetJsonAsync("/api/reminders"))["reminders"]!.AsArray().Single()!;
        Assert.Equal(Now.AddHours(24), (DateTimeOffset)reminder["remindAt"]!);
        Assert.Contains("I'll remind you Tue, Nov 24, 9:00 AM", await card.TextContentAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task PickADate_View_FocusesTheDatePicker()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, "/taskpane.html?view=remind", ReadItem());
        await pane.ReadyAsync();

        await pane.Page.WaitForFunctionAsync("() => document.activeElement?.id === 'remind-at'");
    }
}
