using Microsoft.Playwright;
using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// The escalation ladder's phone call beside "Chat in Teams", through the real API and the in-memory Graph's people
/// data: "Ladder" waits on Ana (three follow-ups; a business number and a mobile), "Twice" on Bob (two; no number),
/// "Budget" on Carla and Dan (two; both have one, Carla under a long name).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PanePhoneTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;
    private static readonly InMemoryAddress Me = new("me@contoso.com", "Me");
    private static readonly InMemoryAddress Ana = new("ana@fabrikam.com", "Ana Silva");
    private static readonly InMemoryAddress Bob = new("bob@fabrikam.com", "Bob Nguyen");
    private static readonly InMemoryAddress Carla = new("carla@contoso.com", "Carla Montgomery-Fitzgerald de la Fuente");
    private static readonly InMemoryAddress Dan = new("dan@contoso.com", "Dan Park");

    public static TheoryData<string> Languages => ["en-US", "it-IT", "de-DE", "fr-FR", "es-ES"];

    [BrowserFact]
    public async Task AnAnsweredNumber_IsATelLinkBesideChatInTeams_MobileFirst()
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        var row = Row(pane.Page, "Ladder");

        var call = row.GetByRole(AriaRole.Link, new() { Name = "Call Ana Silva: +39 333 123 4567" });
        await call.WaitForAsync();
        var links = await row.Locator(".actions a").AllTextContentsAsync();

        Assert.Equal("tel:+393331234567", await call.GetAttributeAsync("href"));
        Assert.Equal(["Chat in Teams", "Call Ana Silva: +39 333 123 4567"], links);
        Assert.Equal(2, await Row(pane.Page, "Budget").Locator("a.call").CountAsync());
    }

    [BrowserFact]
    public async Task NoNumber_ShowsNoCall_AndTheTeamsChatStays()
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        await pane.Page.WaitForFunctionAsync("() => document.querySelectorAll('a.call').length === 3");
        var row = Row(pane.Page, "Twice");

        Assert.Equal(0, await row.Locator("a.call").CountAsync());
        Assert.Equal(1, await row.GetByRole(AriaRole.Link, new() { NameRegex = new("^Chat in Teams") }).CountAsync());
    }

    [BrowserFact]
    public async Task WithoutPeopleRead_NoRowShowsACall_AndNothingComplains()
    {
        var mailbox = Mailbox();
        mailbox.PeopleReadGranted = false;
        using var host = new PaneHost(mailbox, Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        var answers = new List<string>();
        pane.Page.Response += (_, r) => { if (r.Url.EndsWith("/phones", StringComparison.Ordinal)) lock (answers) answers.Add(r.Url); };
        await pane.ReadyAsync();
        await pane.Page.WaitForFunctionAsync("() => document.querySelectorAll('.row').length > 0");
        await WaitUntilAsync(() => { lock (answers) return answers.Count >= 3; });

        Assert.Equal(0, await pane.Page.Locator("a.call").CountAsync());
        Assert.True(await pane.Page.Locator("#toast").IsHiddenAsync());
    }

    [BrowserFact]
    public async Task PhonesAreAskedOncePerRowAndLoad_NotOnEveryRepaint()
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        var asked = new List<string>();
        pane.Page.Request += (_, r) => { if (r.Url.EndsWith("/phones", StringComparison.Ordinal)) lock (asked) asked.Add(r.Url); };
        await pane.ReadyAsync();
        await pane.Page.WaitForFunctionAsync("() => document.querySelectorAll('a.call').length === 3");
        var firstLoad = Count(asked);

        // Repaints of the same list: the other tab and back.
        await pane.Page.GetByRole(AriaRole.Tab).Nth(1).ClickAsync();
        await pane.Page.GetByRole(AriaRole.Tab).Nth(0).ClickAsync();
        await pane.Page.WaitForFunctionAsync("() => document.querySelectorAll('a.call').length === 3");
        var afterRepaints = Count(asked);

        // A new load (Refresh) is a new render cycle: each row asks once more (the API answers from its cache).
        await pane.Page.Locator("#refresh").ClickAsync();
        await WaitUntilAsync(() => Count(asked) == 6);
        await pane.Page.WaitForFunctionAsync("() => document.querySelectorAll('a.call').length === 3");

        Assert.Equal((3, 3), (firstLoad, afterRepaints));
        // Ana, Bob, Carla and Dan, once each: the second load's answers came from the API's cache.
        Assert.Equal(4, host.Graph.BatchParts.Count(p => p.StartsWith("GET /me/people?", StringComparison.Ordinal)));
    }

    [BrowserTheory]
    [MemberData(nameof(Languages))]
    public async Task CallLinks_At320px_LightAndDark_NothingOverflows(string locale)
    {
        using var host = new PaneHost(Mailbox(), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, locale: locale);
        await pane.ReadyAsync();
        await pane.Page.SetViewportSizeAsync(320, 720);
        await pane.Page.WaitForFunctionAsync("() => document.querySelectorAll('a.call').length === 3");
        var carla = await Row(pane.Page, "Budget").Locator("a.call").First.TextContentAsync();

        Assert.Contains("Carla Montgomery-Fitzgerald de la Fuente", carla, StringComparison.Ordinal);
        Assert.Contains("+1 425 555 0100", carla, StringComparison.Ordinal);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await pane.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await pane.ScreenshotAsync($"phones-320-{locale}-{scheme.ToString().ToLowerInvariant()}");
            Assert.Empty(await pane.Page.EvaluateAsync<string[]>(PaneLanguageTests.Overflows));
        }

        await pane.AssertAccessibleAsync($"call links {locale}");
    }

    private static int Count(List<string> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "timed out waiting for the pane's requests");
    }

    private static ILocator Row(IPage page, string subject) =>
        page.Locator(".row").Filter(new() { Has = page.Locator("h3.subject", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^(RE: )?{subject}$") }) });

    private static InMemoryMailbox Mailbox()
    {
        var mailbox = new InMemoryMailbox(Me.Address);
        mailbox.AddPerson(new("Ana Silva", [Ana.Address], [new("business", "+39 02 1234 5678"), new("mobile", "+39 333 123 4567")]));
        mailbox.AddPerson(new("Bob Nguyen", [Bob.Address], [new("businessFax", "+44 20 7946 0001")]));
        mailbox.AddPerson(new(Carla.Name!, [Carla.Address], [new("mobile", "+1 425 555 0100")]));
        mailbox.AddPerson(new("Dan Park", [Dan.Address], [new("business", "+1 425 555 0142")]));
        var mail = new ConversationWriter(mailbox, Now, "PanePhone", "pane-phone");

        foreach (var hoursAgo in new[] { 300, 250, 200, 100 })
        {
            mail.Put("sentitems", "ladder", hoursAgo, Me, [Ana], hoursAgo == 300 ? "Ladder" : "RE: Ladder");
        }

        foreach (var hoursAgo in new[] { 290, 190, 90 })
        {
            mail.Put("sentitems", "twice", hoursAgo, Me, [Bob], hoursAgo == 290 ? "Twice" : "RE: Twice");
        }

        foreach (var hoursAgo in new[] { 280, 180, 80 })
        {
            mail.Put("sentitems", "budget", hoursAgo, Me, [Carla, Dan], hoursAgo == 280 ? "Budget" : "RE: Budget");
        }

        return mailbox;
    }
}
