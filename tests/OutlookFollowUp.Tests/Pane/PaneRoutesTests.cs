using System.Net.Http.Json;
using Microsoft.Playwright;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// Answers that came another way, in the pane, from the API's own fields over the sample mailbox: a group thread's
/// Teams answer and a colleague's said again in the reader's language, a meeting ahead as a notice, and a reminder a
/// chat answered.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneRoutesTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [BrowserFact]
    public async Task Routes_AreSaidOnTheRows_InEnglish()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        var roadmap = await Row(pane.Page, "Q1 roadmap priorities").Locator(".notice").AllInnerTextsAsync();
        var agenda = await Row(pane.Page, "Agenda for the all-hands").Locator(".group").TextContentAsync();
        await pane.ScreenshotAsync("thread-routes");

        Assert.Equal(["You meet Dana Kim on Tue, Nov 24, 10:00 AM: this thread waits until the meeting has ended."], roadmap);
        Assert.Equal("1 of 2 replied; waiting on Kenji Sato (kenji.sato@contoso.com)", agenda);
        await pane.AssertAccessibleAsync("route notices");
    }

    [BrowserFact]
    public async Task Routes_AreSaidAgain_InItalian()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, locale: "it-IT");
        await pane.ReadyAsync();

        var summit = await ReasonAsync(pane.Page, "Logistics for the partner summit");
        var agenda = await ReasonAsync(pane.Page, "Agenda for the all-hands");
        var roadmap = await Row(pane.Page, "Q1 roadmap priorities").Locator(".notice").AllInnerTextsAsync();
        var roadmapReasons = await Row(pane.Page, "Q1 roadmap priorities").Locator(".reason").CountAsync();

        // Who is still waited on is the group line's; the reason says who answered how.
        Assert.EndsWith("Bob Nguyen ha risposto per Ana Silva.", summit, StringComparison.Ordinal);
        Assert.EndsWith("Fatima Haddad ha risposto su Teams.", agenda, StringComparison.Ordinal);
        Assert.Contains("Kenji Sato", await Row(pane.Page, "Agenda for the all-hands").Locator(".group").InnerTextAsync(), StringComparison.Ordinal);
        // The meeting ahead is said once, in its notice; the reason line does not repeat it.
        Assert.Equal(["Incontri Dana Kim: mar 24 nov, 10:00. Questa conversazione attende la fine della riunione."], roadmap);
        Assert.Equal(0, roadmapReasons);
    }

    [BrowserFact]
    public async Task AReminderAChatAnswered_SaysSoInTheRemindersSection()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new PaneHost(mailbox, Now);
        using (var created = await host.Http.PostAsJsonAsync("/api/reminders", new { messageId = "AAMkSample001=", afterHours = 24 }))
        {
            Assert.True(created.IsSuccessStatusCode);
        }

        // Ana writes in Teams; the pane's refresh syncs and the reminder is answered.
        var ana = mailbox.AddOneOnOneChat("19:ana@unq.gbl.spaces", new("a0000000-0000-0000-0000-00000000000a", "ana.silva@fabrikam.com", "Ana Silva"));
        mailbox.PostChatMessage(ana.Id, "a0000000-0000-0000-0000-00000000000a", Now.AddMinutes(-10));
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await SyncAsync(host);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        await pane.Page.Locator(".reminders-toggle").ClickAsync();

        var state = await pane.Page.Locator(".reminder-answered .reminder-state").InnerTextAsync();

        Assert.Equal("Answered in Teams by Ana Silva, Mon, Nov 23, 8:50 AM.", state);
    }

    private static async Task SyncAsync(PaneHost host)
    {
        using var response = await host.Http.PostAsync(new Uri("/api/threads/sync", UriKind.Relative), null);
        Assert.True(response.IsSuccessStatusCode);
    }

    private static async Task<string> ReasonAsync(IPage page, string subject)
    {
        var row = Row(page, subject);
        var more = row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(Show more|Mostra di più)") });
        if (await more.CountAsync() > 0)
        {
            await more.First.ClickAsync();
        }

        return await row.Locator(".reason").InnerTextAsync();
    }

    private static ILocator Row(IPage page, string subject) =>
        page.Locator(".row").Filter(new() { Has = page.Locator("h3.subject", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^(RE: )?{subject}$") }) });
}
