using System.Text.Json;
using Microsoft.Playwright;

namespace OutlookFollowUp.Tests.Pane;

public enum OfficeJs
{
    /// <summary>The CDN URL answered with the copy from @microsoft/office-js.</summary>
    Served,

    /// <summary>The CDN unreachable, as on an offline laptop: the pane must still work in local mode.</summary>
    Unreachable,
}

/// <summary>
/// One browser context on the pane. Every request must go to the test's API or to the office.js CDN (answered from
/// node_modules); anything else is aborted and fails the test, as do a JavaScript dialog and an uncaught page error.
/// </summary>
public sealed class PanePage : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const string OfficeCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/";
    private const string OfficeTelemetryHost = "https://telemetryservice.firstpartyapps.oaspapps.com/";
    private const string OfficeTelemetry = OfficeTelemetryHost + "telemetryservice/";
    private static readonly string ScreenshotFolder = Path.Combine(BrowserRequirements.RepoRoot, "TestResults", "screenshots");

    private readonly IBrowserContext _context;
    private readonly List<string> _blocked = [];
    private readonly List<string> _dialogs = [];
    private readonly List<string> _errors = [];

    // axe-core injects <style> elements of its own, which the pane's CSP refuses: not the pane's violations.
    private bool _auditing;

    private PanePage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<PanePage> OpenAsync(
        BrowserFixture browser, PaneHost host, string path = "/taskpane.html", object? officeMock = null, OfficeJs officeJs = OfficeJs.Served,
        string locale = "en-US")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 720 },
            Locale = locale,
            TimezoneId = "UTC",
            ServiceWorkers = ServiceWorkerPolicy.Block,
            // No transitions: screenshots show end states, not a chevron half-way through its turn.
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        var pane = new PanePage(context, page);
        await context.RouteAsync("**/*", route => pane.GuardAsync(route, host.BaseUrl, officeJs));
        page.Dialog += (_, dialog) => { pane._dialogs.Add($"{dialog.Type}: {dialog.Message}"); _ = dialog.DismissAsync(); };
        page.PageError += (_, error) => pane._errors.Add(error);
        // The API's Content-Security-Policy must allow everything the pane does: a violation is an error.
        page.Console += (_, message) =>
        {
            // office.js outside Outlook, after a few seconds, tries an inline style and its telemetry frame: not the pane's doing.
            if (!pane._auditing && message.Text.Contains("Content Security Policy", StringComparison.Ordinal)
                && !message.Location.StartsWith(OfficeCdn, StringComparison.Ordinal) && !message.Text.Contains(OfficeTelemetryHost, StringComparison.Ordinal))
            {
                pane._errors.Add($"{message.Text} ({message.Location})");
            }
        };
        // The page's clock is the API's fake clock, so that ages and snooze times agree with the server.
        await page.Clock.SetFixedTimeAsync(host.Clock.GetUtcNow().UtcDateTime);
        if (officeMock is not null)
        {
            await page.AddInitScriptAsync(scriptPath: Path.Combine(AppContext.BaseDirectory, "Pane", "office-mock.js"));
            await page.AddInitScriptAsync($"window.__officeMockSetup({JsonSerializer.Serialize(officeMock, PaneHost.Json)});");
        }

        await page.GotoAsync(new Uri(host.BaseUrl, path).ToString());
        return pane;
    }

    /// <summary>Waits until the pane has loaded its list (or its error) once.</summary>
    public Task ReadyAsync() =>
        Page.WaitForFunctionAsync("() => document.documentElement.dataset.ready === 'true' || document.querySelector('[role=alert]')");

    public Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        return Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>axe-core over the whole document, WCAG 2.0/2.1 A and AA rules only; the violations are printed on failure.</summary>
    public async Task AssertAccessibleAsync(string state)
    {
        // Evaluated through the debugging protocol, so the pane's Content-Security-Policy does not need to allow it.
        _auditing = true;
        await Page.EvaluateAsync(await File.ReadAllTextAsync(BrowserRequirements.NodeModules("axe-core", "axe.min.js")) + "\n;0");
        var violations = await Page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
              .violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary) }))
            """);
        // Console events arrive in order before an evaluation's answer: whatever axe caused has been seen by now.
        await Page.EvaluateAsync("() => 0");
        _auditing = false;
        Assert.True(violations.GetArrayLength() == 0, $"axe-core, state '{state}':\n{JsonSerializer.Serialize(violations, Readable)}");
    }

    /// <summary>The calls the pane made into the mocked Outlook, by name.</summary>
    public async Task<JsonElement[]> OfficeCallsAsync(string name) =>
        // Serialized in the page: Playwright's own JsonElement carries reference ids ("$id") that would leak into the comparisons.
        [.. (await Page.EvaluateAsync<string[]>("name => window.__office.callsNamed(name).map(c => JSON.stringify(c.args))", name))
            .Select(json => JsonDocument.Parse(json).RootElement)];

    private async Task GuardAsync(IRoute route, Uri api, OfficeJs officeJs)
    {
        var url = route.Request.Url;
        if (url.StartsWith(api.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal))
        {
            await route.ContinueAsync();
            return;
        }

        if (url.StartsWith(OfficeCdn, StringComparison.Ordinal))
        {
            var relative = new Uri(url).AbsolutePath[new Uri(OfficeCdn).AbsolutePath.Length..];
            var file = BrowserRequirements.NodeModules("@microsoft", "office-js", "dist", relative);
            if (officeJs == OfficeJs.Served && !relative.Contains("..", StringComparison.Ordinal) && File.Exists(file))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Path = file, ContentType = "text/javascript" });
                return;
            }

            if (officeJs == OfficeJs.Unreachable)
            {
                await route.AbortAsync("internetdisconnected");
                return;
            }
        }

        // office.js's own telemetry frame (it opens it on function-command pages): not the pane's request, refused quietly.
        if (url.StartsWith(OfficeTelemetry, StringComparison.Ordinal))
        {
            await route.AbortAsync("blockedbyclient");
            return;
        }

        lock (_blocked)
        {
            _blocked.Add(url);
        }

        await route.AbortAsync("blockedbyclient");
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        Assert.True(_blocked.Count == 0, "Requests outside the test's API: " + string.Join(", ", _blocked));
        Assert.True(_dialogs.Count == 0, "JavaScript dialogs: " + string.Join(", ", _dialogs));
        Assert.True(_errors.Count == 0, "Page errors: " + string.Join(" | ", _errors));
    }
}
