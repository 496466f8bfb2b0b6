using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Routes;

/// <summary>
/// With Entra ID, each route asks for its own optional permission in its own token request: an on-behalf-of request
/// naming a scope nobody consented to fails as a whole, so the mail token never names these, and a refusal only turns
/// that route off. In application mode, the background sync reads the calendar with the application's token and no chat.
/// </summary>
public sealed class RouteTokenTests
{
    private const string ObjectIdA = "aaaaaaaa-0000-0000-0000-00000000000a";
    private const string ChatScope = "https://graph.microsoft.com/Chat.Read";
    private const string CalendarScope = "https://graph.microsoft.com/Calendars.ReadBasic";

    [Fact]
    public async Task A_sync_asks_mail_and_each_route_for_its_own_token_and_each_route_uses_its_own()
    {
        var (identity, graph) = Fakes();
        using var app = App(identity, graph);

        await SyncAsync(app);

        var scopes = identity.Requests.Select(r => r.Form["scope"].Split(' ')[0]).ToList();
        Assert.Equal(["https://graph.microsoft.com/.default", ChatScope, CalendarScope], scopes.Distinct());
        string ScopeOf(string? bearer) => scopes[Enumerable.Range(0, scopes.Count).Single(i => FakeIdentityPlatform.AccessToken(i) == bearer)];
        Assert.Equal(ChatScope, ScopeOf(graph.Calls.Single(c => c.Path == "/v1.0/me/chats").Bearer));
        Assert.Equal(CalendarScope, ScopeOf(graph.Calls.Single(c => c.Path == "/v1.0/me/calendarView").Bearer));
        Assert.All(graph.Calls.Where(c => !c.Path.Contains("/chats", StringComparison.Ordinal) && !c.Path.EndsWith("/calendarView", StringComparison.Ordinal)),
            c => Assert.Equal("https://graph.microsoft.com/.default", ScopeOf(c.Bearer)));
    }

    [Fact]
    public async Task Nobody_consented_to_Chat_Read_mail_and_meetings_go_on_and_settings_say_so()
    {
        var (identity, graph) = Fakes();
        identity.UnconsentedScopes.Add(ChatScope);
        using var app = App(identity, graph);

        var body = await SyncAsync(app);

        Assert.Single(body!["threads"]!.AsArray());
        Assert.DoesNotContain(graph.Calls, c => c.Path.Contains("/chats", StringComparison.Ordinal));
        Assert.Contains(graph.Calls, c => c.Path == "/v1.0/me/calendarView");
        using var client = app.CreateClient(TestTokens.UserA);
        var routes = (await client.GetFromJsonAsync<JsonObject>("/api/settings"))!["routes"]!.AsArray();
        Assert.Equal(("teams", false, "Chat.Read", "consent_missing"),
            ((string?)routes[0]!["route"], (bool)routes[0]!["on"]!, (string?)routes[0]!["permission"], (string?)routes[0]!["reason"]));
        Assert.True((bool)routes[1]!["on"]!);
    }

    [Fact]
    public async Task Application_mode_without_the_user_reads_the_calendar_with_the_apps_token_and_no_chat()
    {
        using var certificate = BackgroundAccessTests.TestCertificate();
        var (identity, graph) = Fakes();
        using var app = App(identity, graph, new Dictionary<string, string>
        {
            ["Graph:Mode"] = "Application",
            ["AzureAd:ClientSecret"] = "",
            ["AzureAd:ClientCredentials:0:SourceType"] = "Base64Encoded",
            ["AzureAd:ClientCredentials:0:Base64EncodedValue"] = Convert.ToBase64String(certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12)),
        });

        await using var scope = app.Services.CreateAsyncScope();
        var routes = scope.ServiceProvider.GetRequiredService<IMailboxes>().Routes(ApiTestKit.UserAKey)!;
        await routes.GetMeetingsAsync(ApiApplication.Start.AddDays(-1), ApiApplication.Start.AddDays(7), ["adele@contoso.com"], CancellationToken.None);

        Assert.False(routes.CanReadChats);
        Assert.Equal([$"/v1.0/users/{ObjectIdA}/calendarView"], graph.Calls.Select(c => c.Path));
        Assert.Equal(("client_credentials", "https://graph.microsoft.com/.default"), (identity.Requests.Single().GrantType, identity.Requests.Single().Form["scope"]));
    }

    private static (FakeIdentityPlatform Identity, GraphRecorder Graph) Fakes()
    {
        var mailbox = new InMemoryMailbox("adele@contoso.com", "adele@contoso.com", "W. Europe Standard Time");
        mailbox.Put("sentitems", new InMemoryMessage
        {
            Id = "AAMkRouteToken001=",
            InternetMessageId = "<route-token-001@contoso.com>",
            ConversationId = "AAQkRouteToken-quote=",
            Subject = "The quote",
            From = new("adele@contoso.com", "Adele"),
            To = [new("lee@fabrikam.example", "Lee")],
            SentDateTime = ApiApplication.Start.AddHours(-72),
            ReceivedDateTime = ApiApplication.Start.AddHours(-72),
        });
        return (new FakeIdentityPlatform(), new GraphRecorder(mailbox, ObjectIdA));
    }

    private static ApiApplication App(FakeIdentityPlatform identity, GraphRecorder graph, Dictionary<string, string>? settings = null) => new()
    {
        Settings = settings ?? [],
        TestServices = services =>
        {
            services.AddSingleton<IMsalHttpClientFactory>(identity);
            services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => graph);
        },
    };

    private static async Task<JsonObject?> SyncAsync(ApiApplication app)
    {
        using var client = app.CreateClient(TestTokens.UserA);
        using var response = await client.PostAsync(new Uri("/api/threads/sync", UriKind.Relative), null);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonObject>();
    }
}
