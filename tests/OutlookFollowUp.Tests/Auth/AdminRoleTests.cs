using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OutlookFollowUp.Tests.Auth;

/// <summary>Only Entra's app-role claim <c>roles</c> makes an admin; a look-alike singular <c>role</c> claim does not.</summary>
public sealed class AdminRoleTests
{
    private static readonly object Policy = new { defaultWindowHours = 48, minWindowHours = 24, maxWindowHours = 48, excludedDomains = Array.Empty<string>(), retentionDays = 30 };

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    public async Task A_signed_token_with_a_singular_role_claim_is_403_on_the_admin_policy(string method)
    {
        using var app = new ApiApplication();
        using var client = app.CreateClient(MintWith("role", "FollowUp.Admin"));

        using var response = await SendAsync(client, method);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    public async Task The_same_token_with_the_roles_claim_is_200(string method)
    {
        using var app = new ApiApplication();
        using var client = app.CreateClient(MintWith("roles", new[] { "FollowUp.Admin" }));

        using var response = await SendAsync(client, method);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method) =>
        method == "GET" ? client.GetAsync("/api/admin/policy") : client.PutAsJsonAsync("/api/admin/policy", Policy);

    /// <summary>A valid v2 access token for user A, signed by the key the test host trusts, with one extra claim.</summary>
    internal static string MintWith(string claim, object value)
    {
        var now = DateTimeOffset.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer(TestTokens.TenantA),
            Audience = TestTokens.ClientId,
            Claims = new Dictionary<string, object>
            {
                ["tid"] = TestTokens.TenantA,
                ["oid"] = "aaaaaaaa-0000-0000-0000-00000000000a",
                ["sub"] = "aaaaaaaa-0000-0000-0000-00000000000a",
                ["ver"] = "2.0",
                ["scp"] = "access_as_user",
                [claim] = value,
            },
            IssuedAt = now.AddMinutes(-5).UtcDateTime,
            NotBefore = now.AddMinutes(-5).UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            SigningCredentials = new SigningCredentials(TestTokens.Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
