using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// The escalation ladder and group threads in the pane, on a mailbox shaped for them (the API computes nudges,
/// escalation and who replied; nothing here fakes its JSON): "Ladder" was sent to Ana with three follow-ups, "Twice" to
/// Bob with two, and "Offsite" went to four people of whom Ana and Bob answered before the user wrote again.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneLadderTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;
    private static readonly InMemoryAddress Me = new("me@contoso.com", "Me");
    private static readonly InMemoryAddress Ana = new("ana@fabrikam.com", "Ana Silva");
    private static readonly InMemoryAddress Bob = new("bob@fabrikam.com", "Bob Nguyen");
    private static readonly InMemoryAddress Carla = new("carla@contoso.com", "Carla Jones");
    private static readonly InMemoryAddress Dan = new("dan@contoso.com", "Dan Park");

    [BrowserFact]
    public async Task TwoNudges_ShowTheLadder_AndTheTeamsLinkOpensTheServersUrl()
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        await pane.Page.EvaluateAsync("() => { window.__opened = []; window.open = (url, ...rest) => { window.__opened.push([url, ...rest]); return null; }; }");
        var thread = await ThreadAsync(host, "Twice");
        var (url, subject) = ((string)thread["escalation"]!["teamsChatUrl"]!, (string)thread["subject"]!);
        var row = Row(pane.Page, "Twice");

        await row.GetByText("2nd follow-up, no answer").WaitForAsync();
        var link = row.GetByRole(AriaRole.Link, new() { Name = $"Chat in Teams: \"{subject}\"" });
        var href = await link.GetAttributeAsync("href");
        await link.ClickAsync();
        var opened = await pane.Page.EvaluateAsync<string[]>("() => window.__opened.map(a => a[0])");

        Assert.Equal((url, url), (href, opened.Single()));
        Assert.StartsWith("https://teams.microsoft.com/l/chat/0/0?users=bob@fabrikam.com&", url, StringComparison.Ordinal);
        Assert.Equal(0, await row.GetByRole(AriaRole.Button, new() { Name = $"Move on: \"{subject}\"" }).CountAsync());
    }

    [BrowserFact]
    public async Task InOutlook_TheTeamsLinkOpensThroughOpenBrowserWindow()
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: new { item = (object?)null });
        await pane.ReadyAsync();
        var thread = await ThreadAsync(host, "Ladder");
        var (url, subject) = ((string)thread["escalation"]!["teamsChatUrl"]!, (string)thread["subject"]!);

        await Row(pane.Page, "Ladder").GetByText("3rd follow-up, no answer").WaitForAsync();
        await Row(pane.Page, "Ladder").GetByRole(AriaRole.Link, new() { Name = $"Chat in Teams: \"{subject}\"" }).ClickAsync();

        Assert.Equal(url, (await pane.OfficeCallsAsync("ui.openBrowserWindow")).Single()[0].GetString());
    }

    [BrowserFact]
    public async Task ThreeNudges_MoveOnWithANote_DismissesAsMovedOn_AndTheRowLeaves()
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        var row = Row(pane.Page, "Ladder");
        var subject = (string)(await ThreadAsync(host, "Ladder"))["subject"]!;

        await row.GetByRole(AriaRole.Button, new() { Name = $"Move on: \"{subject}\"" }).ClickAsync();
        var form = row.GetByRole(AriaRole.Form, new() { Name = $"Move on from \"{subject}\"" });
        await form.GetByLabel("Note (optional)").FillAsync("Asked three times; Ana's team took it over.");
        await pane.ScreenshotAsync("ladder-move-on-form");
        await pane.AssertAccessibleAsync("move on form");
        var request = pane.Page.WaitForRequestAsync(r => r.Url.EndsWith("/dismiss", StringComparison.Ordinal) && r.Method == "POST");
        await form.GetByRole(AriaRole.Button, new() { Name = "Close the thread" }).ClickAsync();
        var body = JsonNode.Parse((await request).PostData!)!;
        await pane.Page.Locator("#toast").GetByText($"Moved on: {subject}").WaitForAsync();

        Assert.Equal(("moved_on", "Asked three times; Ana's team took it over."), ((string?)body["reason"], (string?)body["note"]));
        Assert.DoesNotContain(subject, await PaneListTests.RowSubjectsAsync(pane.Page));
        Assert.DoesNotContain(subject, PaneListTests.Subjects(await host.ThreadsAsync("theirs")));
    }

    [BrowserFact]
    public async Task MoveOn_WhenTheServerRefuses_SaysWhyInTheForm_AndKeepsTheRow()
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        // The one intercepted call: a refusal the real API gives only for bad input, to show how the pane says it.
        await pane.Page.RouteAsync("**/dismiss", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 400, ContentType = "application/problem+json",
            Body = """{"title":"One or more validation errors occurred.","detail":"The note is too long.","status":400}""",
        }));
        var row = Row(pane.Page, "Ladder");
        var subject = (string)(await ThreadAsync(host, "Ladder"))["subject"]!;

        await row.GetByRole(AriaRole.Button, new() { Name = $"Move on: \"{subject}\"" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Close the thread" }).ClickAsync();

        await row.GetByRole(AriaRole.Alert).GetByText("Not closed: The note is too long.").WaitForAsync();
        Assert.Contains(subject, await PaneListTests.RowSubjectsAsync(pane.Page));
        Assert.Contains(subject, PaneListTests.Subjects(await host.ThreadsAsync("theirs")));
    }

    [BrowserFact]
    public async Task GroupThread_SaysWhoReplied_AndNudgeOnlyThoseWaiting_SendsOnlyWaiting()
    {
        var mailbox = Mailbox();
        using var host = new PaneHost(mailbox, Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: new { item = (object?)null });
        await pane.ReadyAsync();
        var row = Row(pane.Page, "Offsite");
        var subject = (string)(await ThreadAsync(host, "Offsite"))["subject"]!;

        var group = row.Locator(".group");
        await group.GetByText("2 of 4 replied; waiting on").WaitForAsync();
        var text = await group.TextContentAsync();
        await group.GetByText("Carla Jones").FocusAsync();
        var shown = group.Locator(".person:focus .address");
        var address = (await shown.TextContentAsync(), await shown.BoundingBoxAsync() is { Width: > 100 });
        var request = pane.Page.WaitForRequestAsync(r => r.Url.EndsWith("/draft", StringComparison.Ordinal) && r.Method == "POST");
        var response = pane.Page.WaitForResponseAsync(r => r.Url.EndsWith("/draft", StringComparison.Ordinal) && r.Request.Method == "POST");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Nudge only those waiting: \"{subject}\"" }).ClickAsync();
        var body = JsonNode.Parse((await request).PostData!)!;
        var draftId = (string)JsonNode.Parse(await (await response).TextAsync())!["draftId"]!;
        var draft = mailbox.Find(draftId)!;

        Assert.Equal("2 of 4 replied; waiting on Carla Jones (carla@contoso.com) and Dan Park (dan@contoso.com)", text);
        Assert.Equal((" (carla@contoso.com)", true), address);
        Assert.Equal(true, (bool?)body["onlyWaiting"]);
        Assert.Contains("I wanted to follow up", (string?)body["comment"], StringComparison.Ordinal);
        Assert.Equal("carla@contoso.com,dan@contoso.com", string.Join(',', draft["toRecipients"]!.AsArray().Select(r => (string?)r!["emailAddress"]!["address"])));
    }

    [BrowserFact]
    public async Task GroupThread_TheUsualDraft_StillGoesToEveryone()
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: new { item = (object?)null });
        await pane.ReadyAsync();

        var subject = (string)(await ThreadAsync(host, "Offsite"))["subject"]!;
        var request = pane.Page.WaitForRequestAsync(r => r.Url.EndsWith("/draft", StringComparison.Ordinal) && r.Method == "POST");
        await Row(pane.Page, "Offsite").GetByRole(AriaRole.Button, new() { Name = $"Draft follow-up: \"{subject}\"" }).ClickAsync();
        var body = JsonNode.Parse((await request).PostData!)!;

        Assert.Null(body["onlyWaiting"]);
    }

    [BrowserTheory]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    [InlineData("de-DE")]
    public async Task LadderAndGroupRows_At320px_NothingOverflows(string locale)
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, locale: locale);
        await pane.ReadyAsync();
        await pane.Page.SetViewportSizeAsync(320, 720);
        await pane.Page.Locator(".ladder").First.WaitForAsync();
        await pane.Page.Locator(".group").First.WaitForAsync();

        await Row(pane.Page, "Ladder").Locator("button[aria-controls^='move-on']").ClickAsync();
        await pane.ScreenshotAsync($"ladder-group-320-{locale}");

        Assert.Empty(await pane.Page.EvaluateAsync<string[]>(PaneLanguageTests.Overflows));
    }

    private static ILocator Row(IPage page, string subject) =>
        page.Locator(".row").Filter(new() { Has = page.Locator("h3.subject", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^(RE: )?{subject}$") }) });

    private static async Task<JsonNode> ThreadAsync(PaneHost host, string subject) =>
        (await host.ThreadsAsync("theirs")).Single(t => ((string?)t!["subject"])!.EndsWith(subject, StringComparison.Ordinal))!;

    /// <summary>Sent mail and replies as the in-memory Graph serves them to the sync.</summary>
    private static InMemoryMailbox Mailbox()
    {
        var mailbox = new InMemoryMailbox(Me.Address);
        var mail = new ConversationWriter(mailbox, Now, "PaneLadder", "pane-ladder");

        // I sent the original and three follow-ups in a row, with no answer.
        foreach (var hoursAgo in new[] { 300, 250, 200, 100 })
        {
            mail.Put("sentitems", "ladder", hoursAgo, Me, [Ana], hoursAgo == 300 ? "Ladder" : "RE: Ladder");
        }

        foreach (var hoursAgo in new[] { 290, 190, 90 })
        {
            mail.Put("sentitems", "twice", hoursAgo, Me, [Bob], hoursAgo == 290 ? "Twice" : "RE: Twice");
        }

        // Four people; Ana and Bob answered, then I wrote again: waiting on Carla and Dan.
        mail.Put("sentitems", "offsite", 200, Me, [Ana, Bob], "Offsite", cc: [Carla, Dan]);
        mail.Put("inbox", "offsite", 160, Ana, [Me, Bob], "RE: Offsite", cc: [Carla, Dan]);
        mail.Put("inbox", "offsite", 150, Bob, [Me, Ana], "RE: Offsite", cc: [Carla, Dan]);
        mail.Put("sentitems", "offsite", 100, Me, [Ana, Bob], "RE: Offsite", cc: [Carla, Dan]);
        return mailbox;
    }
}
