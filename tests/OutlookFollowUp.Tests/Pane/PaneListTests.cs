using Microsoft.Playwright;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>The pane in a plain browser against local mode: what a newcomer sees after `dotnet run --project api`.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneListTests(BrowserFixture browser)
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [BrowserFact]
    public async Task Rows_OnEachTab_EqualGetThreads()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        var theirs = await RowSubjectsAsync(pane.Page);
        await pane.ScreenshotAsync("list-theirs");
        await pane.Page.GetByRole(AriaRole.Tab, new() { Name = "Waiting on you" }).ClickAsync();
        var mine = await RowSubjectsAsync(pane.Page);
        await pane.ScreenshotAsync("list-mine");

        Assert.Equal(Subjects(await host.ThreadsAsync("theirs")), theirs);
        Assert.Equal(Subjects(await host.ThreadsAsync("mine")), mine);
    }

    [BrowserFact]
    public async Task Tabs_ShowTheCountOfEachDirection()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        var counts = (await pane.Page.TextContentAsync("#count-theirs"), await pane.Page.TextContentAsync("#count-mine"));

        Assert.Equal(((await host.ThreadsAsync("theirs")).Count.ToString(), (await host.ThreadsAsync("mine")).Count.ToString()), counts);
    }

    [BrowserFact]
    public async Task Row_ShowsNamesNotAddresses_WithTheAddressOnFocus()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        var thread = (await host.ThreadsAsync("theirs"))[0]!;
        var person = thread["people"]![0]!;
        var name = pane.Page.Locator(".row").First.Locator(".meta .person").First;

        var hidden = await name.Locator(".address").BoundingBoxAsync();
        await name.FocusAsync();
        await pane.ScreenshotAsync("row-person-focus");

        Assert.Equal("Ana Silva", (string?)person["name"]);
        Assert.Equal($"Ana Silva ({thread["counterparts"]![0]}) · 3 days", await pane.Page.Locator(".row").First.Locator(".meta").TextContentAsync());
        Assert.True(hidden is { Width: <= 1 }, "the address is hidden until hover or focus");
        Assert.True(await name.Locator(".address").BoundingBoxAsync() is { Width: > 20 }, "focus shows the address");
    }

    /// <summary>
    /// The row already shows who and how long (the names and the age), a bounce (its notice), the follow-ups sent (the
    /// ladder line) and who answered in a group: the reason line says only what is left, whole, with no "Show more".
    /// </summary>
    [BrowserFact]
    public async Task Row_TheReasonSaysOnlyWhatTheRowDoesNotShowAlready()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        var theirs = await RowTextsAsync(pane.Page);
        await pane.ScreenshotAsync("rows-reason-theirs");
        await pane.Page.GetByRole(AriaRole.Tab, new() { Name = "Waiting on you" }).ClickAsync();
        var mine = await RowTextsAsync(pane.Page);

        Assert.Equal("1 automatic reply (such as out-of-office) did not count as an answer.", theirs["Contract draft for the Q1 review"].Reason);
        Assert.Null(theirs["Partnership introduction"].Reason);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(theirs["Partnership introduction"].Text, "Not delivered to Hana Kim"));
        Assert.Null(theirs["RE: Signed NDA for the pilot"].Reason);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(theirs["RE: Signed NDA for the pilot"].Text, "2nd follow-up"));
        Assert.Null(theirs["Budget numbers for the offsite"].Reason);
        Assert.Equal("It came through a mailing list, but you took part in this thread.", mine["Re: [dev] API versioning proposal"].Reason);
        Assert.Null(mine["Can you review the onboarding doc?"].Reason);
        Assert.Equal(0, await pane.Page.Locator(".more").CountAsync());
    }

    /// <summary>Each row of the open tab by subject: its whole text, and its reason line (null when it has none).</summary>
    private static async Task<Dictionary<string, (string Text, string? Reason)>> RowTextsAsync(IPage page) =>
        (await page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('#panel .row')].map(r => [r.querySelector('.subject').textContent, r.innerText, r.querySelector('.reason')?.textContent ?? null])"))
        .ToDictionary(r => r[0], r => (r[1], (string?)r[2]));

    [BrowserFact]
    public async Task Keyboard_MovesBetweenTabsAndIntoARow()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        await pane.Page.FocusAsync("#tab-theirs");
        await pane.Page.Keyboard.PressAsync("ArrowRight");
        await pane.Page.Keyboard.PressAsync("Tab"); // into the tab panel
        await pane.Page.Keyboard.PressAsync("Tab"); // the first row's sender name
        var focusedName = await pane.Page.EvaluateAsync<string>("() => document.activeElement.dataset.address");
        await pane.Page.Keyboard.PressAsync("Tab"); // its first action
        await pane.ScreenshotAsync("keyboard-focus");

        Assert.Equal("true", await pane.Page.GetAttributeAsync("#tab-mine", "aria-selected"));
        Assert.Equal((string?)(await host.ThreadsAsync("mine"))[0]!["counterparts"]![0], focusedName);
        Assert.Equal("Reply", await pane.Page.EvaluateAsync<string>("() => document.activeElement.textContent"));
    }

    [BrowserFact]
    public async Task Row_ABounce_SaysNotDeliveredWithTheReason_AndAnAwayPersonSaysUntilWhen()
    {
        const string bounceReason = "550 5.1.1 RESOLVER.ADR.RecipNotFound; the address was not found";
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, path: "/support.html");
        // The pane's side of the optional thread fields (see the README): the API's answer, with them added.
        await pane.Page.RouteAsync("**/api/threads?*", async route =>
        {
            var response = await route.FetchAsync();
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!;
            var theirs = body["threads"]!.AsArray().Where(t => (string?)t!["direction"] == "theirs").ToList();
            theirs[0]!.AsObject().Remove("away"); // the sample's Ana is away too (MailTips say so): this row shows the bounce alone
            theirs[0]!["notDelivered"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["address"] = (string?)theirs[0]!["counterparts"]![0], ["reason"] = bounceReason });
            // theirs[1] is the sample's real bounce, which the API marks itself.
            theirs[2]!["away"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["address"] = (string?)theirs[2]!["counterparts"]![0], ["until"] = "2026-11-30T09:00:00Z" });
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body.ToJsonString() });
        });
        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());
        await pane.ReadyAsync();
        var rows = pane.Page.Locator(".row");

        await pane.ScreenshotAsync("row-bounce-away");
        var bounced = await rows.Nth(0).Locator(".notice p").AllTextContentsAsync();
        var away = await rows.Nth(2).Locator(".notice").InnerTextAsync();
        var realBounce = await rows.Nth(1).Locator(".notice p").AllTextContentsAsync();

        var threads = await host.ThreadsAsync("theirs");
        Assert.Equal(
            [$"Not delivered to {threads[0]!["people"]![0]!["name"]} ({threads[0]!["counterparts"]![0]})", bounceReason, "Check the address, then send it again."],
            bounced);
        Assert.Equal($"{threads[2]!["people"]![0]!["name"]} is away until Mon, Nov 30, 9:00 AM.", away);
        Assert.Equal(
            [$"Not delivered to {threads[1]!["people"]![0]!["name"]} ({threads[1]!["counterparts"]![0]})", "Check the address, then send it again."],
            realBounce);
        await pane.AssertAccessibleAsync("bounce and away");
    }

    [BrowserFact]
    public async Task HostileSubject_ShowsAsText_AndRunsNothing()
    {
        const string subject = "<img src=x onerror=alert(1)>";
        var mailbox = new InMemoryMailbox(SampleMailbox.Address);
        mailbox.Put("sentitems", new InMemoryMessage
        {
            Id = "AAMkHostile=", InternetMessageId = "<hostile@contoso.com>", ConversationId = "AAQkHostile=", Subject = subject,
            From = new(SampleMailbox.Address, "Alex"), To = [new("<b>eve</b>@fabrikam.com", "<script>alert(2)</script>")],
            SentDateTime = Now.AddHours(-50), ReceivedDateTime = Now.AddHours(-50),
        });
        using var host = new PaneHost(mailbox, Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Draft follow-up" }).First.ClickAsync();
        await pane.ScreenshotAsync("hostile-subject");

        Assert.Equal(subject, await pane.Page.Locator(".row .subject").First.TextContentAsync());
        Assert.Equal(0, await pane.Page.Locator("main img, main script, main b").CountAsync());
        Assert.Contains(subject, await pane.Page.Locator(".draft").TextContentAsync(), StringComparison.Ordinal);
        // PanePage fails the test on any dialog (alert) or page error when it is disposed.
    }

    [BrowserFact]
    public async Task DraftFollowUp_OutsideOutlook_ShowsThePoliteNudge_SignedWithTheMailboxOwnersName()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Draft follow-up: \"Contract draft for the Q1 review\"" }).ClickAsync();

        var draft = await pane.Page.Locator(".draft p").TextContentAsync();
        Assert.Equal(
            "Hi Ana,\n\nI wanted to follow up on my message about \"Contract draft for the Q1 review\". Could you let me know where this stands, " +
            "or when I can expect an answer?\n\nThank you,\nAlex Wilber",
            draft);
    }

    [BrowserFact]
    public async Task OfflineLaptop_WithoutOfficeJs_StillListsTheSampleMailbox()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeJs: OfficeJs.Unreachable);
        await pane.ReadyAsync();

        Assert.Equal(Subjects(await host.ThreadsAsync("theirs")), await RowSubjectsAsync(pane.Page));
    }

    internal static async Task<IReadOnlyList<string>> RowSubjectsAsync(IPage page) =>
        await page.Locator(".row .subject").AllTextContentsAsync();

    internal static IReadOnlyList<string> Subjects(System.Text.Json.Nodes.JsonArray threads) =>
        [.. threads.Select(t => (string)t!["subject"]!)];
}
