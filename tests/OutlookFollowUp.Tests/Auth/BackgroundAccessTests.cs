using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using OutlookFollowUp.Auth;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Credentials;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Auth;

/// <summary>
/// Acting for a user who is not at the pane. Real JWT validation of the caller, real
/// Microsoft.Identity.Web and MSAL talking HTTP to a test identity platform, the real Graph adapter against the Graph
/// test server, the token cache and sessions in the real database.
/// </summary>
public sealed class BackgroundAccessTests
{
    private const string ObjectIdA = "aaaaaaaa-0000-0000-0000-00000000000a";

    [Fact]
    public async Task A_request_starts_the_users_session_and_background_work_gets_its_token_through_it()
    {
        var (identity, graph) = Fakes();
        using var app = App(identity, graph);
        var caller = TestTokens.UserA;

        await SyncInRequestAsync(app, caller);
        var initiation = identity.Requests[0];
        var sessionKey = await SessionKeyAsync(app, ApiTestKit.UserAKey);
        var tokenRequestsBefore = identity.Requests.Count;

        await (await BackgroundReaderAsync(app, ApiTestKit.UserAKey)).GetMeAsync(CancellationToken.None);

        var refresh = identity.Requests[tokenRequestsBefore];
        var call = graph.Calls[^1];
        Assert.Equal(
            (TokenRequest.OnBehalfOf, caller, "on_behalf_of", true),
            (initiation.GrantType, initiation.Form["assertion"], initiation.Form["requested_token_use"], sessionKey is not null));
        Assert.Equal(("refresh_token", FakeIdentityPlatform.RefreshToken(0), TestTokens.TenantA), (refresh.GrantType, refresh.Form["refresh_token"], refresh.Tenant));
        Assert.Equal(new GraphCall("GET", "/v1.0/me", FakeIdentityPlatform.AccessToken(tokenRequestsBefore)), call);
        Assert.Empty(identity.Problems);
    }

    [Fact]
    public async Task Work_for_one_user_inside_another_users_request_uses_the_first_users_session_never_the_callers_token()
    {
        var (identity, graph) = Fakes();
        using var app = App(identity, graph, inRequest: ApiTestKit.UserAKey);
        await SyncInRequestAsync(app, TestTokens.UserA);
        var tokenRequestsBefore = identity.Requests.Count;

        using var client = app.CreateClient(TestTokens.UserB);
        using var response = await client.GetAsync(new Uri(InRequestPath, UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var made = identity.Requests.Skip(tokenRequestsBefore).ToList();
        Assert.Equal(["refresh_token"], made.Select(r => r.GrantType));
        Assert.DoesNotContain(made, r => r.Form.Values.Contains(TestTokens.UserB));
        Assert.Equal(FakeIdentityPlatform.AccessToken(tokenRequestsBefore), graph.Calls[^1].Bearer);
    }

    [Fact]
    public async Task Without_a_session_background_work_is_refused_as_signin_required_and_recorded_with_no_call_out()
    {
        var (identity, graph) = Fakes();
        using var app = App(identity, graph);

        var reader = await BackgroundReaderAsync(app, ApiTestKit.UserBKey);
        var refused = await Assert.ThrowsAsync<MailConsentRequiredException>(() => reader.GetMeAsync(CancellationToken.None));
        var synced = await app.Services.GetRequiredService<MailboxRefresher>().RefreshAsync(ApiTestKit.UserBKey);
        var state = await StateAsync(app, ApiTestKit.UserBKey);

        Assert.Equal(GraphCredentials.SignInRequired, refused.FailureCode);
        Assert.Equal((false, "signin_required"), (synced, state?.LastErrorCode));
        Assert.Empty(identity.Requests);
        Assert.Empty(graph.Calls);
    }

    [Fact]
    public async Task A_refused_refresh_token_is_signin_required_and_the_users_next_request_starts_a_new_session()
    {
        var (identity, graph) = Fakes();
        using var app = App(identity, graph);
        await SyncInRequestAsync(app, TestTokens.UserA);
        var first = await SessionKeyAsync(app, ApiTestKit.UserAKey);
        identity.RefuseRefresh = true;

        var reader = await BackgroundReaderAsync(app, ApiTestKit.UserAKey);
        var refused = await Assert.ThrowsAsync<MailConsentRequiredException>(() => reader.GetMeAsync(CancellationToken.None));
        var afterRefusal = await SessionKeyAsync(app, ApiTestKit.UserAKey);
        identity.RefuseRefresh = false;
        await SyncInRequestAsync(app, TestTokens.UserA);
        var second = await SessionKeyAsync(app, ApiTestKit.UserAKey);

        Assert.Equal(GraphCredentials.SignInRequired, refused.FailureCode);
        Assert.Null(afterRefusal);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task The_users_requests_keep_the_session_for_30_days_then_start_a_fresh_one()
    {
        var (identity, graph) = Fakes();
        using var app = App(identity, graph);
        await SyncInRequestAsync(app, TestTokens.UserA);
        var first = await SessionKeyAsync(app, ApiTestKit.UserAKey);

        app.Time.Advance(TimeSpan.FromDays(29));
        await SyncInRequestAsync(app, TestTokens.UserA);
        var within = await SessionKeyAsync(app, ApiTestKit.UserAKey);
        app.Time.Advance(TimeSpan.FromDays(2));
        await SyncInRequestAsync(app, TestTokens.UserA);
        var renewed = await SessionKeyAsync(app, ApiTestKit.UserAKey);

        Assert.Equal(first, within);
        Assert.NotNull(renewed);
        Assert.NotEqual(first, renewed);
        Assert.False(await CachedAsync(app, first!), "the replaced session's tokens are removed from the cache");
    }

    [Fact]
    public async Task Delete_me_erases_the_session_and_the_tokens_cached_under_its_key()
    {
        var (identity, graph) = Fakes();
        using var app = App(identity, graph);
        await SyncInRequestAsync(app, TestTokens.UserA);
        var key = await SessionKeyAsync(app, ApiTestKit.UserAKey);
        var cachedBefore = await CachedAsync(app, key!);

        using var client = app.CreateClient(TestTokens.UserA);
        using var deleted = await client.DeleteAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal((true, false, null), (cachedBefore, await CachedAsync(app, key!), await SessionKeyAsync(app, ApiTestKit.UserAKey)));
    }

    [Fact]
    public async Task Delete_me_deletes_the_subscriptions_at_graph_with_the_callers_token_and_leaves_no_session_behind()
    {
        var (identity, graph) = Fakes();
        using var app = App(identity, graph);
        await SyncInRequestAsync(app, TestTokens.UserA);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
            db.Add(new OutlookFollowUp.Notifications.SubscriptionRow { UserKey = ApiTestKit.UserAKey, Folder = "inbox", SubscriptionId = "subscription-a" });
            await db.SaveChangesAsync();
        }

        using var client = app.CreateClient(TestTokens.UserA);
        using var deleted = await client.DeleteAsync(new Uri("/api/me", UriKind.Relative));

        // Graph answered at once, so the delete was done inside the request, with a token on behalf of the caller.
        var delete = Assert.Single(graph.Calls, c => c.Method == "DELETE");
        Assert.Equal(("/v1.0/subscriptions/subscription-a", true), (delete.Path, delete.Bearer is not null));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await SessionKeyAsync(app, ApiTestKit.UserAKey));
    }

    [Fact]
    public async Task App_only_mode_gets_a_client_credentials_token_signed_with_the_certificate_and_reads_users_id()
    {
        using var certificate = TestCertificate();
        var (identity, graph) = Fakes();
        using var app = App(identity, graph, new Dictionary<string, string>
        {
            ["Graph:Mode"] = "Application",
            ["AzureAd:ClientSecret"] = "",
            ["AzureAd:ClientCredentials:0:SourceType"] = "Base64Encoded",
            ["AzureAd:ClientCredentials:0:Base64EncodedValue"] = Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12)),
        });

        var reader = await BackgroundReaderAsync(app, ApiTestKit.UserAKey);
        var zone = await reader.GetMailboxTimeZoneAsync(CancellationToken.None);

        var request = Assert.Single(identity.Requests);
        Assert.Equal(("client_credentials", "https://graph.microsoft.com/.default", TestTokens.TenantA), (request.GrantType, request.Form["scope"], request.Tenant));
        Assert.True(await FakeIdentityPlatform.IsSignedByAsync(request, certificate, TestTokens.ClientId), "the client assertion is signed by the configured certificate");
        Assert.Equal([new GraphCall("GET", $"/v1.0/users/{ObjectIdA}/mailboxSettings", FakeIdentityPlatform.AccessToken(0))], graph.Calls);
        Assert.Equal("W. Europe Standard Time", zone);
    }

    [Fact]
    public void An_unknown_graph_mode_stops_the_start_with_one_line()
    {
        using var app = new ApiApplication { Settings = new Dictionary<string, string> { ["Graph:Mode"] = "Deleg" } };

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Graph:Mode 'Deleg' is not Delegated or Application.", failure.ToString(), StringComparison.Ordinal);
    }

    private static (FakeIdentityPlatform Identity, GraphRecorder Graph) Fakes()
    {
        var mailbox = new InMemoryMailbox("adele@contoso.com", "adele@contoso.com", "W. Europe Standard Time");
        mailbox.Put("sentitems", new InMemoryMessage
        {
            Id = "AAMkBackground001=",
            InternetMessageId = "<background-001@contoso.com>",
            ConversationId = "AAQkBackground-quote=",
            Subject = "The quote",
            From = new("adele@contoso.com", "Adele"),
            To = [new("lee@fabrikam.example", "Lee")],
            SentDateTime = ApiApplication.Start.AddHours(-72),
            ReceivedDateTime = ApiApplication.Start.AddHours(-72),
        });
        return (new FakeIdentityPlatform(), new GraphRecorder(mailbox, ObjectIdA));
    }

    private const string InRequestPath = "/test/read-another-mailbox";

    /// <param name="inRequest">When set, <see cref="InRequestPath"/> reads this user's mailbox inside the (authenticated) caller's request.</param>
    private static ApiApplication App(FakeIdentityPlatform identity, GraphRecorder graph, Dictionary<string, string>? settings = null, string? inRequest = null) => new()
    {
        Settings = settings ?? [],
        TestServices = services =>
        {
            services.AddSingleton<IMsalHttpClientFactory>(identity);
            services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => graph);
            if (inRequest is not null)
            {
                services.AddSingleton<IStartupFilter>(new ReadInRequest(inRequest));
            }
        },
    };

    /// <summary>As a sync started by one user's request for another user's mailbox would: the caller's token is in the request.</summary>
    private sealed class ReadInRequest(string userKey) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(InRequestPath, branch => branch.Run(async context =>
            {
                var caller = await context.AuthenticateAsync(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme);
                context.User = caller.Principal!;
                var reader = context.RequestServices.GetRequiredService<IMailboxes>().Reader(userKey);
                await reader.GetMeAsync(context.RequestAborted);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            }));
            next(app);
        };
    }

    /// <summary>POST /api/threads/sync: a sync inside the user's own request.</summary>
    private static async Task SyncInRequestAsync(ApiApplication app, string token)
    {
        using var client = app.CreateClient(token);
        using var response = await client.PostAsync(new Uri("/api/threads/sync", UriKind.Relative), null);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A reader made outside any request, as timers and notifications make it.</summary>
    private static async Task<IMailboxReader> BackgroundReaderAsync(ApiApplication app, string userKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<IMailboxes>().Reader(userKey);
    }

    private static async Task<string?> SessionKeyAsync(ApiApplication app, string userKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IGraphSessionStore>().GetUsableKeyAsync(userKey, CancellationToken.None);
    }

    private static async Task<bool> CachedAsync(ApiApplication app, string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().Set<TokenCacheRow>().AnyAsync(r => r.Id == key);
    }

    private static async Task<MailboxSnapshot?> StateAsync(ApiApplication app, string userKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IThreadIndex>().GetStateAsync(userKey, CancellationToken.None);
    }

    internal static X509Certificate2 TestCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=followup-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
