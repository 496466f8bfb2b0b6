using Microsoft.Playwright;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// The pane in English, Italian, German, French and Spanish, chosen from Office's display language (the browser's
/// outside Outlook): every catalog complete, each language at 320 px with nothing wider than the pane, dates in the
/// reader's locale, reasons and drafted nudges in the language, and a screenshot of each for people to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneLanguageTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;

    public static TheoryData<string> Languages => new() { "en-US", "it-IT", "de-DE", "fr-FR", "es-ES" };

    /// <summary>Elements reaching past the viewport's right edge, and controls whose own text overflows them.</summary>
    internal const string Overflows = """
        () => {
          const width = document.documentElement.clientWidth;
          const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '');
          const out = [...document.querySelectorAll('body *')].filter(visible)
            .filter(e => e.getBoundingClientRect().right > width + 0.5 && !e.closest('.sr-only, .address'))
            .map(e => `${name(e)} ends at ${Math.round(e.getBoundingClientRect().right)}`);
          const cut = [...document.querySelectorAll('button, .tab, .badge, label, h1, h2, h3')].filter(visible)
            .filter(e => !e.closest('.reason') && e.scrollWidth > e.clientWidth + 1)
            .map(e => `${name(e)} "${e.textContent.trim()}" needs ${e.scrollWidth}px of ${e.clientWidth}px`);
          return [...out, ...cut, ...(document.documentElement.scrollWidth > width ? [`page scrolls to ${document.documentElement.scrollWidth}`] : [])];
        }
        """;

    [BrowserFact]
    public async Task EveryCatalog_HasEveryEnglishKey_WithTheSamePlaceholders_AndPluralForms()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();

        var problems = await pane.Page.EvaluateAsync<string[]>("""
            async () => {
              const { CATALOGS } = await import('/js/i18n.js');
              const holes = v => [...new Set((typeof v === 'string' ? [v] : Object.values(v)).join(' ').match(/\{\w+\}/g) ?? [])].filter(p => p !== '{count}').sort().join();
              const problems = [];
              for (const [lang, catalog] of Object.entries(CATALOGS)) {
                for (const [key, en] of Object.entries(CATALOGS.en)) {
                  const own = catalog[key];
                  if (own === undefined) { problems.push(`${lang}: ${key} missing`); continue; }
                  if (holes(own) !== holes(en)) problems.push(`${lang}: ${key} has ${holes(own)}, English ${holes(en)}`);
                  if (typeof own !== 'string' && !own.other) problems.push(`${lang}: ${key} has no 'other' form`);
                  if (typeof en !== 'string' && typeof own === 'string' && own.includes('{count}')) problems.push(`${lang}: ${key} needs plural forms`);
                }
                for (const key of Object.keys(catalog)) if (!(key in CATALOGS.en)) problems.push(`${lang}: ${key} is not an English key`);
              }
              return problems;
            }
            """);

        Assert.Empty(problems);
    }

    [BrowserTheory]
    [InlineData("de-CH", "de", "de-CH")]
    [InlineData("fr-CA", "fr", "fr-CA")]
    [InlineData("es-MX", "es", "es-MX")]
    [InlineData("IT", "it", "it")]
    [InlineData("pt-BR", "en", "en")]
    [InlineData("", "en", "en")]
    [InlineData("not a tag", "en", "en")]
    public async Task DisplayLanguage_PicksOneOfTheFive_KeepingTheRegionForDates(string tag, string language, string locale)
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, path: "/support.html");

        var picked = await pane.Page.EvaluateAsync<string[]>(
            "async tag => { const i = await import('/js/i18n.js'); i.setLanguage(tag); return [i.language(), i.locale()]; }", tag);

        Assert.Equal([language, locale], picked);
    }

    [BrowserTheory]
    [MemberData(nameof(Languages))]
    public async Task ADateEndingInAFullStop_EndsTheSentenceWithOne(string locale)
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, path: "/support.html");

        var said = await pane.Page.EvaluateAsync<string[]>("""
            async locale => {
              const { setLanguage, t } = await import('/js/i18n.js');
              const { untilWhen } = await import('/js/time.js');
              setLanguage(locale);
              const until = untilWhen('2026-12-09T00:00:00Z');
              return [until, t('notice.awayUntil', { name: 'Ana', when: until }), t('toast.snoozed', { when: until })];
            }
            """, locale);

        Assert.All(said[1..], text => Assert.True(text.EndsWith('.') && !text.Contains("..", StringComparison.Ordinal), $"{said[0]} → {text}"));
    }

    [BrowserTheory]
    [MemberData(nameof(Languages))]
    public async Task List_InEachLanguage_At320px_NothingOverflows_ReasonsAndDatesLocalized(string locale)
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: new { item = (object?)null, displayLanguage = locale });
        await pane.Page.SetViewportSizeAsync(320, 720);
        await pane.ReadyAsync();
        var lang = locale[..2];

        var (title, tab, footer) = await CatalogAsync(pane, lang);
        Assert.Equal(locale, await pane.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal(title, await pane.Page.TextContentAsync("#title"));
        Assert.StartsWith(tab, await pane.Page.TextContentAsync("#tab-theirs"), StringComparison.Ordinal);
        var expectedDate = await pane.Page.EvaluateAsync<string>(
            "([l, iso]) => new Intl.DateTimeFormat(l, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(iso))",
            new object[] { locale, Now.ToString("O") });
        Assert.Equal(footer.Replace("{when}", expectedDate, StringComparison.Ordinal), (await pane.Page.TextContentAsync("#footer"))!.Split(" · ")[0]);
        // Every reason of the sample is said again in the language (none falls back to the API's English).
        Assert.Empty(await pane.Page.Locator(".reason[lang=en]").AllTextContentsAsync());
        if (lang != "en")
        {
            Assert.DoesNotContain(await pane.Page.Locator(".reason").AllTextContentsAsync(), r => r.Contains("You wrote to", StringComparison.Ordinal));
        }

        // A date ending in an abbreviation's full stop ("25. Nov.") also ends its sentence: one stop, never two.
        Assert.DoesNotMatch(@"\p{L}\.\.", await pane.Page.InnerTextAsync("body"));

        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await pane.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await pane.ScreenshotAsync($"lang-{lang}-list-320-{scheme.ToString().ToLowerInvariant()}");
            Assert.Empty(await pane.Page.EvaluateAsync<string[]>(Overflows));
        }

        await pane.Page.GetByRole(AriaRole.Tab).Nth(1).ClickAsync();
        await pane.ScreenshotAsync($"lang-{lang}-mine-320");
        Assert.Empty(await pane.Page.EvaluateAsync<string[]>(Overflows));
        await pane.AssertAccessibleAsync($"{lang} list");
    }

    [BrowserTheory]
    [MemberData(nameof(Languages))]
    public async Task Settings_SnoozeAndReminders_InEachLanguage_At320px_NothingOverflows(string locale)
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, path: "/support.html", locale: locale);
        await pane.Page.RouteAsync("**/api/reminders", route => route.FulfillAsync(new() { ContentType = "application/json", Body = PaneReminderTestsData.AllStates(Now) }));
        await pane.Page.SetViewportSizeAsync(320, 720);
        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());
        await pane.ReadyAsync();
        var lang = locale[..2];

        await pane.Page.Locator(".row .actions .btn").Nth(1).ClickAsync(); // Snooze: opens its choices
        await pane.ScreenshotAsync($"lang-{lang}-reminders-snooze-320");
        Assert.Empty(await pane.Page.EvaluateAsync<string[]>(Overflows));

        await pane.Page.Locator("#open-settings").ClickAsync();
        await pane.Page.Locator("form .field").First.WaitForAsync();
        await pane.ScreenshotAsync($"lang-{lang}-settings-320");
        Assert.Empty(await pane.Page.EvaluateAsync<string[]>(Overflows));
        Assert.Equal(await MessageAsync(pane, lang, "settings"), await pane.Page.TextContentAsync("#settings-title"));
    }

    [BrowserTheory]
    [MemberData(nameof(Languages))]
    public async Task MessageAndComposeCards_InEachLanguage_At320px_NothingOverflows(string locale)
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: new
        {
            item = new { itemId = PaneOfficeTests.EwsId, internetMessageId = PaneOfficeTests.InternetMessageId, subject = "Contract draft for the Q1 review" },
            restIds = new Dictionary<string, string> { [PaneOfficeTests.EwsId] = PaneOfficeTests.RestId },
            displayLanguage = locale,
        });
        await pane.Page.SetViewportSizeAsync(320, 720);
        await pane.ReadyAsync();
        var lang = locale[..2];
        var card = pane.Page.Locator("#card");
        await card.Locator("#remind-at").WaitForAsync();

        await pane.ScreenshotAsync($"lang-{lang}-card-320");
        Assert.Empty(await pane.Page.EvaluateAsync<string[]>(Overflows));
        Assert.Equal(await MessageAsync(pane, lang, "in24h"), await card.Locator(".actions .btn").First.TextContentAsync());

        await pane.Page.EvaluateAsync("() => window.__office.changeItem({ compose: true })");
        await card.Locator("#compose-remind-at").WaitForAsync();
        await card.Locator(".actions .btn").Nth(1).ClickAsync(); // 48 hours
        await card.Locator(".actions .btn").First.WaitForAsync(); // the mark and its Remove button
        await pane.Page.WaitForFunctionAsync("() => !document.getElementById('compose-remind-at')");
        await pane.ScreenshotAsync($"lang-{lang}-compose-320");
        Assert.Empty(await pane.Page.EvaluateAsync<string[]>(Overflows));
        var marked = await pane.Page.EvaluateAsync<string>(
            "async lang => (await import('/js/i18n.js')).CATALOGS[lang]['compose.markedHours'].other.replace('{count}', '48')", lang);
        Assert.Contains(marked, await card.TextContentAsync(), StringComparison.Ordinal);
    }

    [BrowserTheory]
    [MemberData(nameof(Languages))]
    public async Task DraftedNudge_IsInOfficesDisplayLanguage(string locale)
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: new
        {
            item = new { itemId = PaneOfficeTests.EwsId, internetMessageId = PaneOfficeTests.InternetMessageId, subject = "Contract draft for the Q1 review" },
            restIds = new Dictionary<string, string> { [PaneOfficeTests.EwsId] = PaneOfficeTests.RestId },
            displayLanguage = locale,
        });
        await pane.ReadyAsync();
        var lang = locale[..2];

        await pane.Page.Locator(".row:has-text('Contract draft for the Q1 review') .actions .btn-primary").ClickAsync();
        var html = (await pane.OfficeCallsAsync("displayReplyAllForm")).Single()[0].GetProperty("htmlBody").GetString()!;
        var expected = await pane.Page.EvaluateAsync<string[]>("""
            async lang => {
              const { CATALOGS } = await import('/js/i18n.js');
              const c = CATALOGS[lang];
              const one = v => typeof v === 'string' ? v : v.one ?? v.other;
              return [one(c['nudge.hi']).replace('{names}', 'Ana'), one(c['nudge.theirsSubject']).replace('{subject}', 'Contract draft for the Q1 review'), c['nudge.thanks']];
            }
            """, lang);

        Assert.Equal(string.Concat(
            $"<p>{Html(expected[0])}</p><p><br></p><p>{Html(expected[1])}</p><p><br></p><p>{Html(expected[2])}</p><p>Alex Wilber</p>"), html);
    }

    [BrowserTheory]
    [MemberData(nameof(Languages))]
    public async Task ComposeCommand_SaysWhatWillHappen_InOfficesDisplayLanguage(string locale)
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, "/commands.html", new { item = new { compose = true }, displayLanguage = locale });
        await pane.Page.WaitForFunctionAsync("() => window.__office.callsNamed('actions.associate').length === 3");

        await pane.Page.EvaluateAsync("() => window.__office.runCommand('markRemindIfNoReply')");

        var message = (await pane.OfficeCallsAsync("notificationMessages.replaceAsync")).Single()[1].GetProperty("message").GetString();
        var expected = await pane.Page.EvaluateAsync<string>(
            "async lang => (await import('/js/i18n.js')).CATALOGS[lang]['command.marked'].other.replace('{count}', '48')", locale[..2]);
        Assert.Equal(expected, message);
        Assert.True(message!.Length <= 150, "Outlook shows 150 characters at most");
    }

    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\u00a0", "&nbsp;", StringComparison.Ordinal);

    private static Task<string> MessageAsync(PanePage pane, string lang, string key) =>
        pane.Page.EvaluateAsync<string>("async ([lang, key]) => (await import('/js/i18n.js')).CATALOGS[lang][key]", new object[] { lang, key });

    private static async Task<(string Title, string Tab, string Footer)> CatalogAsync(PanePage pane, string lang) =>
        (await MessageAsync(pane, lang, "app.title"), await MessageAsync(pane, lang, "tab.theirs"), await MessageAsync(pane, lang, "footer.updated"));
}

/// <summary>A browser theory, skipped with the reason like <see cref="BrowserFactAttribute"/>.</summary>
[Trait("Needs", "Browser")]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = BrowserRequirements.MissingReason();
}
