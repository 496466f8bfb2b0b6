using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Settings;

/// <summary>
/// The pane tells the server its language (Office's display language, as the pane picks it) so that the server's mail
/// is in it: one PATCH when the stored language differs, none when it is the same; English needs none while nothing is
/// stored; and the settings the user sees and saves are left as they were.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneLanguageSyncTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;

    [BrowserFact(ApiFeature.Settings)]
    public async Task Office_in_Italian_sets_it_once_and_the_next_open_only_reads_it()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);

        var first = await OpenAsync(host, "it-IT");
        Assert.Equal(["GET", "PATCH"], first);
        Assert.Equal("it", (string?)(await host.GetJsonAsync("/api/settings"))["language"]);

        var second = await OpenAsync(host, "it-IT");
        Assert.Equal(["GET"], second);

        var german = await OpenAsync(host, "de-AT");
        Assert.Equal(["GET", "PATCH"], german);
        Assert.Equal("de", (string?)(await host.GetJsonAsync("/api/settings"))["language"]);
    }

    [BrowserFact(ApiFeature.Settings)]
    public async Task English_with_nothing_stored_sends_nothing()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);

        Assert.Equal(["GET"], await OpenAsync(host, "en-GB"));
        Assert.Null((string?)(await host.GetJsonAsync("/api/settings"))["language"]);
    }

    [BrowserFact(ApiFeature.Settings)]
    public async Task The_settings_form_saves_without_touching_the_language()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: new { item = (object?)null, displayLanguage = "fr-FR" }, locale: "fr-FR");
        await pane.Page.WaitForFunctionAsync("() => document.documentElement.dataset.languageSynced === 'true'");

        await pane.Page.Locator("#open-settings").ClickAsync();
        await pane.Page.Locator("#business-days").CheckAsync();
        await pane.Page.Locator("#settings form button[type=submit]").ClickAsync();
        await pane.Page.Locator("#list-view").WaitForAsync();

        var settings = await host.GetJsonAsync("/api/settings");
        Assert.Equal((true, "fr"), ((bool)settings["businessDays"]!, (string?)settings["language"]));
    }

    /// <summary>Opens the pane in Outlook showing <paramref name="displayLanguage"/>; the methods of its /api/settings calls, in order.</summary>
    private async Task<string[]> OpenAsync(PaneHost host, string displayLanguage)
    {
        var calls = new List<string>();
        await using var pane = await PanePage.OpenAsync(browser, host, officeMock: new { item = (object?)null, displayLanguage });
        pane.Page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == "/api/settings")
            {
                lock (calls)
                {
                    calls.Add(request.Method);
                }
            }
        };
        await pane.Page.WaitForFunctionAsync("() => document.documentElement.dataset.languageSynced === 'true'");
        lock (calls)
        {
            return [.. calls];
        }
    }
}
