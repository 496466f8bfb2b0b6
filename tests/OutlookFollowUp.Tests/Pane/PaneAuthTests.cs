using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// Sign-in as the pane does it with Entra ID: /api/config says so, msal-browser (stubbed here: a real sign-in needs a
/// tenant) gives NAA tokens, Office SSO is the fallback, and a 401 challenge goes back to MSAL with its claims.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PaneAuthTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;
    private const string Scope = "api://127.0.0.1/11111111-2222-3333-4444-555555555555/access_as_user";

    // Records every call; silent gives token-1, popup gives token-2.
    private const string MsalStub =
        """
        window.__msal = [];
        window.msal = {
          createNestablePublicClientApplication: async config => {
            __msal.push(['create', config]);
            return {
              getActiveAccount: () => null,
              acquireTokenSilent: async request => { __msal.push(['silent', request]); return { accessToken: 'naa-token-1' }; },
              acquireTokenPopup: async request => { __msal.push(['popup', request]); return { accessToken: 'naa-token-2' }; },
            };
          },
        };
        """;

    [BrowserFact]
    public async Task LocalMode_SendsNoToken()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, path: "/support.html");
        var headers = new List<string?>();
        pane.Page.Request += (_, r) => { if (r.Url.Contains("/api/", StringComparison.Ordinal)) headers.Add(r.Headers.GetValueOrDefault("authorization")); };

        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());
        await pane.ReadyAsync();

        Assert.NotEmpty(headers);
        Assert.All(headers, Assert.Null);
    }

    [BrowserFact]
    public async Task Naa_SendsTheSilentTokenForTheApiScope()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await OpenSignedInAsync(host, naa: true);
        var threads = pane.Page.WaitForRequestAsync(r => r.Url.Contains("/api/threads", StringComparison.Ordinal));
        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());

        Assert.Equal("Bearer naa-token-1", (await threads).Headers["authorization"]);
        await pane.ReadyAsync();
        var silent = await pane.Page.EvaluateAsync<string>("() => JSON.stringify(__msal.find(c => c[0] === 'silent')[1].scopes)");
        Assert.Equal(JsonSerializer.Serialize(new[] { Scope }), silent);
    }

    [BrowserFact]
    public async Task Challenge401_GoesBackToMsalWithTheClaims_AndRetries()
    {
        const string claims = """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""";
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await OpenSignedInAsync(host, naa: true);
        var challenged = false;
        await pane.Page.RouteAsync("**/api/threads?*", async route =>
        {
            if (challenged)
            {
                await route.ContinueAsync();
                return;
            }

            challenged = true;
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 401,
                ContentType = "application/problem+json",
                Body = """{"title":"Sign-in needs your action.","status":401}""",
                Headers = new Dictionary<string, string>
                {
                    ["WWW-Authenticate"] = $"Bearer error=\"insufficient_claims\", claims=\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(claims))}\"",
                },
            });
        });
        var retried = pane.Page.WaitForRequestAsync(r => r.Url.Contains("/api/threads", StringComparison.Ordinal) && r.Headers.GetValueOrDefault("authorization") == "Bearer naa-token-2");

        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());
        await retried;
        await pane.ReadyAsync();

        Assert.Equal(claims, await pane.Page.EvaluateAsync<string>("() => __msal.find(c => c[0] === 'popup')[1].claims"));
        Assert.Equal(PaneListTests.Subjects(await host.ThreadsAsync("theirs")), await PaneListTests.RowSubjectsAsync(pane.Page));
    }

    [BrowserFact]
    public async Task WithoutNaa_FallsBackToOfficeSso()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await OpenSignedInAsync(host, naa: false);
        var threads = pane.Page.WaitForRequestAsync(r => r.Url.Contains("/api/threads", StringComparison.Ordinal));
        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());

        Assert.Equal("Bearer sso-token", (await threads).Headers["authorization"]);
        await pane.ReadyAsync();
        var options = (await pane.OfficeCallsAsync("auth.getAccessToken")).First()[0];
        Assert.True(options.GetProperty("allowSignInPrompt").GetBoolean());
        Assert.Equal(0, await pane.Page.EvaluateAsync<int>("() => (window.__msal ?? []).length"));
    }

    [BrowserFact]
    public async Task TheApiServesMsalBrowser()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);

        using var response = await host.Http.GetAsync(new Uri("/lib/msal-browser.min.js", UriKind.Relative));

        Assert.Contains("createNestablePublicClientApplication", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The pane inside Outlook with /api/config saying Entra ID; navigate to /taskpane.html after adding routes.</summary>
    private async Task<PanePage> OpenSignedInAsync(PaneHost host, bool naa)
    {
        var sets = naa ? new[] { "Mailbox 1.5", "Mailbox 1.8", "NestedAppAuth 1.1" } : ["Mailbox 1.5", "Mailbox 1.8"];
        var pane = await PanePage.OpenAsync(browser, host, "/support.html", new { item = (object?)null, requirementSets = sets });
        await pane.Page.RouteAsync("**/api/config", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = JsonSerializer.Serialize(new
            {
                localMode = false, clientId = "11111111-2222-3333-4444-555555555555", apiScope = Scope,
                authority = "https://login.microsoftonline.com/common",
            }),
        }));
        await pane.Page.RouteAsync("**/lib/msal-browser.min.js", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/javascript", Body = MsalStub }));
        return pane;
    }
}
