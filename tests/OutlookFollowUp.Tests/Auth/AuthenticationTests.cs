using System.Net;
using static OutlookFollowUp.Tests.Support.TestTokens;

namespace OutlookFollowUp.Tests.Auth;

public sealed class AuthenticationTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    public static TheoryData<string, string?> RefusedTokens() => new()
    {
        { "no token", null },
        { "expired", Mint(new Spec { NotBefore = DateTimeOffset.UtcNow.AddHours(-3), Expires = DateTimeOffset.UtcNow.AddHours(-2) }) },
        { "not yet valid", Mint(new Spec { NotBefore = DateTimeOffset.UtcNow.AddHours(1), Expires = DateTimeOffset.UtcNow.AddHours(2) }) },
        { "wrong audience", Mint(new Spec { Audience = "api://some-other-api" }) },
        { "wrong issuer", Mint(new Spec { Issuer = "https://evil.example/" + TenantA + "/v2.0" }) },
        { "issuer of another tenant", Mint(new Spec { Issuer = Issuer(TenantB) }) },
        { "tenant not allowed", Mint(new Spec { Tenant = OtherTenant }) },
        { "signed by another key", Mint(new Spec { SigningKey = ForeignKey }) },
        { "garbage", "not-a-jwt" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_bad_or_missing_token_is_401_with_a_bearer_challenge(string why, string? token)
    {
        using var response = await app.CreateClient(token).GetAsync("/api/reminders");

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.First().Scheme);
    }

    [Theory]
    [InlineData("/api/reminders")]
    [InlineData("/api/settings")]
    [InlineData("/api/admin/policy")]
    public async Task A_token_without_the_scope_is_403(string path)
    {
        using var response = await app.CreateClient(Mint(new Spec { Scope = "Mail.Read", Roles = ["FollowUp.Admin"] })).GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_app_only_token_with_no_user_is_403()
    {
        using var response = await app.CreateClient(Mint(new Spec { Scope = null, Roles = ["FollowUp.Admin"] })).GetAsync("/api/reminders");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_admin_route_without_the_role_is_403()
    {
        using var response = await app.CreateClient(UserA).GetAsync("/api/admin/policy");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_admin_route_with_the_role_is_200()
    {
        using var response = await app.CreateClient(Admin).GetAsync("/api/admin/policy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/reminders")]
    [InlineData("/api/settings")]
    public async Task A_valid_token_is_200(string path)
    {
        using var response = await app.CreateClient(UserA).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_user_of_a_second_allowed_tenant_gets_in()
    {
        using var response = await app.CreateClient(Mint(new Spec { Tenant = TenantB })).GetAsync("/api/reminders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_and_the_openapi_document_need_no_token(string path)
    {
        using var response = await app.CreateClient(null).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
