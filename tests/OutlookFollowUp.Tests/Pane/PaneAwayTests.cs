using Microsoft.Playwright;
using static OutlookFollowUp.Tests.Away.AwayMailbox;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// Counterparts who are away, in the thread list, from the API's own <c>away</c> field: the sync asked MailTips (the
/// Graph test server's automatic replies) when the threads entered "waiting on them"; nothing here fakes the JSON.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneAwayTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [BrowserFact]
    public async Task AwayCounterparts_AreSaidOnTheRow_UntilWhenOrThatTheReplyIsOn_OnlyWhenAllWaitedOnAreAway()
    {
        var mailbox = AwayMailbox.Create(Now);
        mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero));
        mailbox.SetAutomaticReply(Bob.Address, "Travelling, back soon");
        mailbox.SetAutomaticReply(Carla.Address, "Travelling, back soon");
        using var host = new PaneHost(mailbox, Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        var quote = await Row(pane.Page, "Quote").Locator(".notice").AllInnerTextsAsync();
        var budget = await Row(pane.Page, "Budget").Locator(".notice").AllInnerTextsAsync();
        var offsite = await Row(pane.Page, "Offsite").Locator(".notice").CountAsync();
        await pane.ScreenshotAsync("thread-away");

        Assert.Equal(["Ana Silva is away until Thu, Nov 26, 11:00 PM."], quote);
        Assert.Equal(["Bob Nguyen is away.", "Carla Jones is away."], budget);
        Assert.Equal(0, offsite); // waiting on Carla and Dan, and Dan is in
        await pane.AssertAccessibleAsync("away notices");
    }

    [BrowserFact]
    public async Task AnAbsenceEndingAtMidnight_ReadsAsTheLastDayAway_WithoutATime()
    {
        var mailbox = AwayMailbox.Create(Now);
        // Back on Friday: the reply ends at midnight (the pane's zone is UTC), so Thursday was the last day away.
        mailbox.SetAutomaticReply(Ana.Address, "Out of office", null, new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        using var host = new PaneHost(mailbox, Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        var quote = await Row(pane.Page, "Quote").Locator(".notice").AllInnerTextsAsync();

        Assert.Equal(["Ana Silva is away until Thu, Nov 26."], quote);
    }

    private static ILocator Row(IPage page, string subject) =>
        page.Locator(".row").Filter(new() { Has = page.Locator("h3.subject", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^(RE: )?{subject}$") }) });
}
