using Microsoft.Playwright;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// The pane at the widths Outlook gives task panes (320 px on a narrow window, 360 px by default, 450 px widened), in light
/// and dark: nothing cut off, no sideways scrolling, labelled controls, and a screenshot of each for people to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneLayoutTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;
    private static readonly int[] Widths = [320, 360, 450];
    private static readonly ColorScheme[] Schemes = [ColorScheme.Light, ColorScheme.Dark];

    [BrowserFact(ApiFeature.Reminders)]
    public async Task EveryWidth_LightAndDark_BothTabsShow_NoSidewaysScroll_Accessible()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        // One scheduled reminder, so that the Reminders section is in the screenshots too (opened below).
        var first = (await host.ThreadsAsync("theirs"))[0]!;
        await host.SendJsonAsync(HttpMethod.Post, "/api/reminders", new { messageId = (string?)first["messageId"], afterHours = 24 });
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        await pane.Page.Locator(".reminders-toggle").ClickAsync();

        foreach (var scheme in Schemes)
        {
            await pane.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
            foreach (var width in Widths)
            {
                await pane.Page.SetViewportSizeAsync(width, 720);
                var name = $"list-{width}-{scheme.ToString().ToLowerInvariant()}";
                await pane.ScreenshotAsync(name);

                var tab = await pane.Page.Locator("#tab-mine").BoundingBoxAsync();
                Assert.True(tab!.X + tab.Width <= width, $"{name}: the second tab ends at {tab.X + tab.Width} px");
                Assert.Equal(width, await pane.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
                await pane.AssertAccessibleAsync(name);

                // The address under a name, even the last name on a line, stays inside the pane.
                await pane.Page.Locator(".person[tabindex]").Last.FocusAsync();
                Assert.Equal(width, await pane.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
                await pane.Page.Locator("#panel").FocusAsync();
            }
        }
    }

    /// <summary>Each tab's count stays beside its label (right of every line of it), in every language, at every width.</summary>
    [BrowserTheory]
    [MemberData(nameof(PaneLanguageTests.Languages), MemberType = typeof(PaneLanguageTests))]
    public async Task TabCounts_StayBesideTheirLabels_AtEveryWidth(string locale)
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, locale: locale);
        await pane.ReadyAsync();

        foreach (var width in Widths)
        {
            await pane.Page.SetViewportSizeAsync(width, 720);
            var placed = await pane.Page.EvaluateAsync<string[]>("""
                () => ['theirs', 'mine'].map(d => {
                  const tab = document.getElementById(`tab-${d}`);
                  const range = document.createRange();
                  range.selectNodeContents(tab.firstChild);
                  const label = range.getBoundingClientRect();
                  const count = tab.querySelector('.count').getBoundingClientRect();
                  const beside = count.left >= label.right - 0.5 && count.top < label.bottom && count.bottom > label.top;
                  return beside ? '' : `${d}: label ${Math.round(label.left)}–${Math.round(label.right)} × ${Math.round(label.top)}–${Math.round(label.bottom)}, count at ${Math.round(count.left)} × ${Math.round(count.top)}`;
                }).filter(p => p)
                """);
            if (placed.Length > 0)
            {
                await pane.ScreenshotAsync($"tabs-{locale}-{width}");
            }

            Assert.True(placed.Length == 0, $"{locale} at {width} px: {string.Join("; ", placed)}");
        }
    }

    [BrowserFact(ApiFeature.Settings)]
    public async Task Settings_HeadingStandsApartFromTheFirstField_AtEveryWidth()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        await pane.Page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        await pane.Page.Locator("form .field").First.WaitForAsync();

        foreach (var scheme in Schemes)
        {
            await pane.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
            foreach (var width in Widths)
            {
                await pane.Page.SetViewportSizeAsync(width, 720);
                var name = $"settings-{width}-{scheme.ToString().ToLowerInvariant()}";
                await pane.ScreenshotAsync(name);

                var heading = (await pane.Page.Locator("#settings-title").BoundingBoxAsync())!;
                var field = (await pane.Page.Locator("form .field").First.BoundingBoxAsync())!;
                Assert.True(field.Y - (heading.Y + heading.Height) >= 12, $"{name}: {field.Y - (heading.Y + heading.Height)} px between heading and field");
                Assert.Equal(width, await pane.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
                await pane.AssertAccessibleAsync(name);
            }
        }
    }

    [BrowserFact]
    public async Task Refresh_SaysRefresh_AndDoesNotLookLikeTheLoadingSpinner()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        var refresh = pane.Page.Locator("#refresh");

        Assert.Equal("Refresh", (await refresh.InnerTextAsync()).Trim());
        // Two arrows (a path of several strokes), where the spinner is one ring.
        Assert.True(await refresh.Locator("svg path").GetAttributeAsync("d") is { } d && d.Count(c => c == 'M') >= 2);
    }
}
