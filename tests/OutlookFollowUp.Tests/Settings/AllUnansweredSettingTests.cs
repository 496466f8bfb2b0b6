using System.Net;
using System.Net.Http.Json;
using static OutlookFollowUp.Tests.Support.ApiTestKit;

namespace OutlookFollowUp.Tests.Settings;

/// <summary>
/// Rule 9's mode on the settings JSON (<c>allUnanswered</c>): the user's choice, else the tenant policy's default
/// (<c>allUnansweredDefault</c>), else the server's <c>Detection:AllUnanswered</c> (false). PATCH sets it alone, without
/// pinning a user who never chose their settings to today's tenant defaults; a PUT may carry it (absent keeps it).
/// </summary>
public sealed class AllUnansweredSettingTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static readonly object Window30 = new { windowHours = 30, businessDays = false, timeZone = "UTC", lookbackDays = 14, setOutlookFlags = true };

    private HttpClient User(string tenant, string id) => app.CreateClient(TestTokens.Mint(new TestTokens.Spec { Tenant = tenant, ObjectId = id }));

    [Fact]
    public async Task Off_by_default_a_PATCH_turns_it_on_alone_and_the_user_keeps_following_the_tenants_window()
    {
        var admin = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { Tenant = TestTokens.TenantB, ObjectId = "mode-admin", Roles = ["FollowUp.Admin"] }));
        var user = User(TestTokens.TenantB, "mode-1");
        Assert.False(await AllUnansweredAsync(user));

        using (var patch = await user.PatchAsJsonAsync("/api/settings", new { allUnanswered = true }))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
            Assert.True((await patch.ReadJsonAsync()).GetProperty("allUnanswered").GetBoolean());
        }

        using (var policy = await admin.PutAsJsonAsync("/api/admin/policy",
            new { defaultWindowHours = 36, minWindowHours = 24, maxWindowHours = 48, excludedDomains = Array.Empty<string>(), retentionDays = 180 }))
        {
            Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        }

        var settings = await (await user.GetAsync("/api/settings")).ReadJsonAsync();
        Assert.Equal((36, true), (settings.GetProperty("windowHours").GetInt32(), settings.GetProperty("allUnanswered").GetBoolean()));
    }

    [Fact]
    public async Task The_tenants_default_applies_to_users_who_did_not_choose_and_a_users_choice_wins()
    {
        var admin = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { Tenant = TestTokens.TenantA, ObjectId = "mode-admin-a", Roles = ["FollowUp.Admin"] }));
        var chose = User(TestTokens.TenantA, "mode-2-chose");
        var follows = User(TestTokens.TenantA, "mode-2-follows");
        using (var patch = await chose.PatchAsJsonAsync("/api/settings", new { allUnanswered = false }))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }

        using (var policy = await admin.PutAsJsonAsync("/api/admin/policy",
            new { defaultWindowHours = 48, minWindowHours = 24, maxWindowHours = 48, excludedDomains = Array.Empty<string>(), retentionDays = 180, allUnansweredDefault = true }))
        {
            Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
            Assert.True((await policy.ReadJsonAsync()).GetProperty("allUnansweredDefault").GetBoolean());
        }

        Assert.Equal((true, false), (await AllUnansweredAsync(follows), await AllUnansweredAsync(chose)));

        // A later policy write without the field keeps the tenant's default.
        using (var again = await admin.PutAsJsonAsync("/api/admin/policy",
            new { defaultWindowHours = 48, minWindowHours = 24, maxWindowHours = 48, excludedDomains = Array.Empty<string>(), retentionDays = 180 }))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.True(await AllUnansweredAsync(follows));
    }

    [Fact]
    public async Task A_PUT_carries_it_and_a_PUT_without_it_keeps_it()
    {
        var user = User(TestTokens.TenantA, "mode-3");
        using (var put = await user.PutAsJsonAsync("/api/settings", new { windowHours = 30, businessDays = false, timeZone = "UTC", lookbackDays = 14, setOutlookFlags = true, allUnanswered = true }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var without = await user.PutAsJsonAsync("/api/settings", Window30))
        {
            Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        }

        Assert.True(await AllUnansweredAsync(user));
    }

    [Theory]
    [InlineData("{}", "language")]
    [InlineData("{\"allUnanswered\":\"yes\"}", "allUnanswered")]
    [InlineData("{\"allUnanswered\":null}", "language")]
    public async Task A_PATCH_with_neither_or_a_bad_value_is_a_400_and_changes_nothing(string body, string field)
    {
        var user = User(TestTokens.TenantB, "mode-4-" + field + body.Length); // tenant B keeps the server default

        using var patch = await user.PatchAsync("/api/settings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
        Assert.True((await patch.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), await patch.Content.ReadAsStringAsync());
        Assert.False(await AllUnansweredAsync(user));
    }

    private static async Task<bool> AllUnansweredAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/settings")).ReadJsonAsync()).GetProperty("allUnanswered").GetBoolean();
}

/// <summary>The server's default: <c>Detection:AllUnanswered</c> true lists every unanswered thread for users and tenants that did not choose.</summary>
public sealed class ServerAllUnansweredDefaultTests : IDisposable
{
    private readonly ApiApplication _app = new() { Settings = new Dictionary<string, string> { ["Detection:AllUnanswered"] = "true" } };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_server_default_shows_in_settings_and_policy_until_someone_chooses()
    {
        var user = _app.CreateClient(TestTokens.Mint(new TestTokens.Spec { ObjectId = "server-1" }));
        var admin = _app.CreateClient(TestTokens.Admin);

        var settings = await (await user.GetAsync("/api/settings")).ReadJsonAsync();
        var policy = await (await admin.GetAsync("/api/admin/policy")).ReadJsonAsync();

        Assert.Equal((true, true), (settings.GetProperty("allUnanswered").GetBoolean(), policy.GetProperty("allUnansweredDefault").GetBoolean()));
    }
}
