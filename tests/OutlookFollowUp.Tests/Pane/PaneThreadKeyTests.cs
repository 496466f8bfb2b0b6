using Microsoft.Playwright;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// Graph conversation ids are standard base64: about half hold '/' or '+', many end in '='. The pane puts a thread key in
/// a path segment encoded exactly once, and the server finds the thread by it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneThreadKeyTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;
    private const string Conversation = "AAQkAD/ab+cd/Ef+g==";
    private const string Encoded = "AAQkAD%2Fab%2Bcd%2FEf%2Bg%3D%3D";
    private const string Subject = "Rollout plan for the new VPN";

    private static InMemoryMailbox Mailbox()
    {
        var mailbox = new InMemoryMailbox(SampleMailbox.Address);
        mailbox.Put("sentitems", new InMemoryMessage
        {
            // Graph's REST message ids are URL-safe base64; its conversation ids are standard base64.
            Id = "AAMkAD-x_y-z_w==", InternetMessageId = "<vpn@contoso.com>", ConversationId = Conversation, Subject = Subject,
            From = new(SampleMailbox.Address, SampleMailbox.Name), To = [new("ana.silva@fabrikam.com", "Ana Silva")],
            SentDateTime = Now.AddHours(-50), ReceivedDateTime = Now.AddHours(-50),
        });
        return mailbox;
    }

    [BrowserFact(ApiFeature.Dismissals)]
    public async Task Done_EncodesTheKeyOnce()
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        Assert.Equal(Conversation, (string?)(await host.ThreadsAsync("theirs")).Single()!["threadKey"]);
        var dismiss = pane.Page.WaitForResponseAsync(r => r.Url.Contains("/dismiss", StringComparison.Ordinal));

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = $"Done: \"{Subject}\"" }).ClickAsync();
        var done = await dismiss;

        Assert.Equal($"/api/threads/{Encoded}/dismiss", new Uri(done.Url).AbsolutePath);
    }

    [BrowserFact]
    public async Task DraftFollowUp_EncodesTheKeyOnce()
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: new { item = (object?)null });
        await pane.ReadyAsync();
        var draft = pane.Page.WaitForResponseAsync(r => r.Url.Contains("/draft", StringComparison.Ordinal));

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = $"Draft follow-up: \"{Subject}\"" }).ClickAsync();

        Assert.Equal($"/api/threads/{Encoded}/draft", new Uri((await draft).Url).AbsolutePath);
    }

    [BrowserFact(ApiFeature.Dismissals)]
    public async Task Done_AndUndo_TheServerFindsTheThread()
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        var dismiss = pane.Page.WaitForResponseAsync(r => r.Url.Contains("/dismiss", StringComparison.Ordinal));
        await pane.Page.GetByRole(AriaRole.Button, new() { Name = $"Done: \"{Subject}\"" }).ClickAsync();
        var done = await dismiss;
        Assert.True(done.Ok, $"POST dismiss: {done.Status} {await done.TextAsync()}");
        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).WaitForAsync();
        var afterDone = await host.ThreadsAsync("theirs");
        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await pane.Page.Locator(".row").First.WaitForAsync();

        Assert.Empty(afterDone);
        Assert.Equal([Subject], PaneListTests.Subjects(await host.ThreadsAsync("theirs")));
    }

    [BrowserFact]
    public async Task DraftFollowUp_TheServerFindsTheThread_AndOutlookOpensTheDraft()
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: new { item = (object?)null });
        await pane.ReadyAsync();
        var draft = pane.Page.WaitForResponseAsync(r => r.Url.Contains("/draft", StringComparison.Ordinal));

        await pane.Page.GetByRole(AriaRole.Button, new() { Name = $"Draft follow-up: \"{Subject}\"" }).ClickAsync();

        var response = await draft;
        Assert.True(response.Status == 201, $"POST draft: {response.Status} {await response.TextAsync()}");
        await pane.Page.WaitForFunctionAsync("() => window.__office.callsNamed('displayMessageForm').length > 0");
    }
}
