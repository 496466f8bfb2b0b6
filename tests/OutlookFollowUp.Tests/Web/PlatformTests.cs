using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Credentials;

namespace OutlookFollowUp.Tests.Web;

/// <summary>Rate limits, security headers, local mode, and the one place where Graph and MSAL failures become answers.</summary>
public sealed class PlatformTests
{
    [Fact]
    public async Task Past_the_per_user_limit_a_caller_gets_429_with_retry_after_and_others_are_unaffected()
    {
        using var app = new ApiApplication { PermitsPerMinute = 3 };
        var a = app.CreateClient(TestTokens.UserA);

        for (var i = 0; i < 3; i++)
        {
            (await a.GetAsync("/api/reminders")).EnsureSuccessStatusCode();
        }

        using var limited = await a.GetAsync("/api/reminders");
        using var other = await app.CreateClient(TestTokens.UserB).GetAsync("/api/reminders");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task The_pane_gets_a_CSP_that_lets_Outlook_frame_it_and_the_API_one_that_allows_nothing()
    {
        using var app = new ApiApplication();
        var client = app.CreateClient(TestTokens.UserA);

        using var pane = await client.GetAsync("/taskpane.html");
        using var api = await client.GetAsync("/api/reminders");

        Assert.Contains("frame-ancestors https://outlook.office.com", pane.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", api.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(["nosniff", "nosniff"], new[] { pane, api }.Select(r => r.Headers.GetValues("X-Content-Type-Options").Single()));
        Assert.False(api.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Local_mode_signs_every_request_in_as_the_local_user_who_is_also_admin()
    {
        using var app = new ApiApplication { Local = true };
        var client = app.CreateClient(token: null);

        await client.PostJsonAsync("/api/reminders", new { messageId = "local-1", afterHours = 24 }, HttpStatusCode.Created);
        using var policy = await client.GetAsync("/api/admin/policy");

        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<OutlookFollowUp.Reminders.IReminderStore>().ListAsync(LocalMode.SampleUserKey, CancellationToken.None);
        Assert.Equal("local-1", Assert.Single(stored).MessageId);
    }

    [Theory]
    [InlineData("Production", "", true)]
    [InlineData("Production", "6f1c5e0a-3b1d-4c8e-9a51-0d7e4c2b9f10", false)]
    [InlineData("Development", "", false)]
    [InlineData("Staging", "", true)]
    public void Local_mode_outside_Development_is_refused(string environment, string clientId, bool refused)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureAd:ClientId"] = clientId }).Build();

        var reason = LocalMode.RefusalReason(configuration, new Env(environment));

        Assert.Equal(refused, reason is not null);
    }

    [Fact]
    public void In_production_without_Entra_ID_the_host_does_not_start()
    {
        using var app = new ProductionWithoutEntraId();

        Assert.ThrowsAny<Exception>(() => app.CreateClient());
    }

    public static TheoryData<string> GraphOutages() => ["throttled", "unavailable", "timeout"];

    [Theory]
    [MemberData(nameof(GraphOutages))]
    public async Task A_Graph_outage_escaping_a_handler_is_a_503_problem_with_retry_after_and_no_exception_text(string kind)
    {
        using var app = Throwing(kind switch
        {
            "throttled" => new MailUnavailableException(MailUnavailableReason.Throttled, "secret detail 429"),
            "unavailable" => new MailUnavailableException(MailUnavailableReason.ServerError, "secret detail 503", status: 503),
            _ => new TimeoutException("secret detail timeout"),
        });

        using var response = await app.CreateClient(TestTokens.UserA).GetAsync("/api/test/throw");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consent_or_MFA_challenge_from_the_OBO_call_is_a_401_the_pane_can_act_on()
    {
        const string claims = "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}";
        // What the OBO token source throws when MSAL says the user must act.
        using var app = Throwing(OnBehalfOfTokenSource.ConsentRequired(new MicrosoftIdentityWebChallengeUserException(
            new MsalUiRequiredException("interaction_required", "AADSTS65001 secret"), ["https://graph.microsoft.com/.default"]))!);
        using var withClaims = Throwing(OnBehalfOfTokenSource.ConsentRequired(WithClaims(claims))!);

        using var consent = await app.CreateClient(TestTokens.UserA).GetAsync("/api/test/throw");
        using var mfa = await withClaims.CreateClient(TestTokens.UserA).GetAsync("/api/test/throw");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (consent.StatusCode, mfa.StatusCode));
        Assert.Contains("error=\"interaction_required\"", consent.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains($"claims=\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(claims))}\"", mfa.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", await consent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_exception_is_a_bare_500_problem_without_its_text()
    {
        using var app = Throwing(new InvalidOperationException("secret connection string"));

        using var response = await app.CreateClient(TestTokens.UserA).GetAsync("/api/test/throw");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static MsalUiRequiredException WithClaims(string claims)
    {
        // Claims has no public setter: MSAL fills it from the token endpoint's answer, which a test cannot reach.
        var exception = new MsalUiRequiredException("interaction_required", "secret");
        typeof(MsalServiceException).GetProperty(nameof(MsalServiceException.Claims))!.SetValue(exception, claims);
        return exception;
    }

    /// <summary>A host whose /api/test/throw throws, behind the app's own middleware, to test the central exception mapping.</summary>
    private static ApiApplication Throwing(Exception exception) => new()
    {
        TestServices = services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ThrowingEndpoint(exception)),
    };

    private sealed class ThrowingEndpoint(Exception exception) : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, rest) => context.Request.Path == "/api/test/throw" ? throw exception : rest(context));
        };
    }

    private sealed class ProductionWithoutEntraId : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Production");
    }

    private sealed record Env(string EnvironmentName) : IHostEnvironment
    {
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
        string IHostEnvironment.EnvironmentName { get => EnvironmentName; set { } }
    }
}
