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
[Trait("Needs", "Browser")]
public class PaneAuthTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;
    private const string Scope = "api://127.0.0.1/11111111-2222-3333-4444-555555555555/access_as_user";

    private const string Upn = "alex.wilber@contoso.com";

    // Behaves like msal-browser's nestable client: accounts stay in the browser's storage across loads (the active
    // account does not); acquireTokenSilent needs a cached account; ssoSilent works only when the host has a session
    // (window.__msalHostSession); the popup always signs in. Every call is recorded in window.__msal.
    // Tokens: silent naa-token-1, popup naa-token-2, ssoSilent naa-token-3.
    private const string MsalStub =
        """
        (() => {
          window.__msal = [];
          const KEY = 'msal-stub.accounts';
          const cached = () => JSON.parse(localStorage.getItem(KEY) ?? '[]');
          const account = { homeAccountId: 'oid-1.tenant-1', username: 'alex.wilber@contoso.com', tenantId: 'tenant-1' };
          const remember = () => { if (!cached().length) localStorage.setItem(KEY, JSON.stringify([account])); };
          const required = code => Object.assign(new Error(code), { name: 'InteractionRequiredAuthError', errorCode: code });
          window.msal = {
            createNestablePublicClientApplication: async config => {
              __msal.push(['create', config]);
              let active = null;
              return {
                getActiveAccount: () => active,
                setActiveAccount: a => { __msal.push(['setActiveAccount', a]); active = a; },
                getAllAccounts: () => cached(),
                acquireTokenSilent: async request => {
                  __msal.push(['silent', request]);
                  if (!cached().some(a => a.homeAccountId === request.account?.homeAccountId)) throw required('no_account_error');
                  return { accessToken: 'naa-token-1', account: request.account };
                },
                ssoSilent: async request => {
                  __msal.push(['ssoSilent', request]);
                  if (!window.__msalHostSession) throw required('login_required');
                  remember();
                  return { accessToken: 'naa-token-3', account };
                },
                acquireTokenPopup: async request => { __msal.push(['popup', request]); remember(); return { accessToken: 'naa-token-2', account }; },
              };
            },
          };
        })();
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
    public async Task Naa_FirstSignIn_TriesSsoSilentWithTheLoginHint_ThenThePopup_AndSetsTheActiveAccount()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await OpenSignedInAsync(host, naa: true);
        var threads = pane.Page.WaitForRequestAsync(r => r.Url.Contains("/api/threads", StringComparison.Ordinal));
        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());

        Assert.Equal("Bearer naa-token-2", (await threads).Headers["authorization"]);
        await pane.ReadyAsync();
        Assert.Equal(
            ["create", $"ssoSilent {Upn}", $"popup {Upn}", $"setActiveAccount {Upn}"],
            (await MsalCallsAsync(pane.Page)).Take(4));
        Assert.Single(await pane.OfficeCallsAsync("auth.getAuthContext"));
    }

    [BrowserFact]
    public async Task Naa_SecondLoad_WithASession_UsesTheCachedAccountSilently_NoPopup()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await OpenSignedInAsync(host, naa: true);
        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());
        await pane.ReadyAsync();

        var threads = pane.Page.WaitForRequestAsync(r => r.Url.Contains("/api/threads", StringComparison.Ordinal));
        await pane.Page.ReloadAsync();

        Assert.Equal("Bearer naa-token-1", (await threads).Headers["authorization"]);
        await pane.ReadyAsync();
        var calls = await MsalCallsAsync(pane.Page);
        Assert.DoesNotContain(calls, c => c.StartsWith("popup", StringComparison.Ordinal));
        Assert.Equal(["create", $"silent {Upn}", $"setActiveAccount {Upn}"], calls.Take(3));
        // Only the API's own scope, ever.
        Assert.Equal([Scope], await pane.Page.EvaluateAsync<string[]>("() => [...new Set(__msal.filter(c => c[1]?.scopes).map(c => c[1].scopes.join(' ')))]"));
    }

    [BrowserFact]
    public async Task Naa_HostSession_SignsInWithSsoSilent_NoPopup()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await OpenSignedInAsync(host, naa: true, hostSession: true);
        var threads = pane.Page.WaitForRequestAsync(r => r.Url.Contains("/api/threads", StringComparison.Ordinal));
        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());

        Assert.Equal("Bearer naa-token-3", (await threads).Headers["authorization"]);
        await pane.ReadyAsync();
        Assert.DoesNotContain(await MsalCallsAsync(pane.Page), c => c.StartsWith("popup", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Challenge401_GoesBackToMsalWithTheClaims_AndRetries()
    {
        const string claims = """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""";
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        // The host has a session, so the first token comes silently and the only popup is the challenge's.
        await using var pane = await OpenSignedInAsync(host, naa: true, hostSession: true);
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
    private async Task<PanePage> OpenSignedInAsync(PaneHost host, bool naa, bool hostSession = false)
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
        if (hostSession)
        {
            await pane.Page.AddInitScriptAsync("window.__msalHostSession = true;");
        }

        return pane;
    }

    /// <summary>The MSAL calls of this page load, as "name loginHint-or-account": ["create", "ssoSilent alex@…", …].</summary>
    private static async Task<string[]> MsalCallsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>(
            "() => __msal.map(c => [c[0], c[0] === 'create' ? '' : c[0] === 'setActiveAccount' ? c[1]?.username : c[1]?.account?.username ?? c[1]?.loginHint ?? ''].join(' ').trim())");
}
