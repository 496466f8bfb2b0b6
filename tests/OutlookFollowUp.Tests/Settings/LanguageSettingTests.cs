using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.Digest;
using OutlookFollowUp.Storage;
using static OutlookFollowUp.Tests.Support.ApiTestKit;

namespace OutlookFollowUp.Tests.Settings;

/// <summary>
/// The user's language on the settings JSON (<c>language</c>): null until set (English); a PUT may carry it (absent keeps
/// it); PATCH sets it alone without pinning a user who never chose their settings to today's tenant defaults.
/// </summary>
public sealed class LanguageSettingTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static object Settings(string? language = null, bool withLanguage = false) => withLanguage
        ? new { windowHours = 30, businessDays = false, timeZone = "UTC", lookbackDays = 14, setOutlookFlags = true, language }
        : new { windowHours = 30, businessDays = false, timeZone = "UTC", lookbackDays = 14, setOutlookFlags = true };

    private HttpClient User(string id) => app.CreateClient(TestTokens.Mint(new TestTokens.Spec { ObjectId = id }));

    [Fact]
    public async Task Null_until_set_then_a_PUT_sets_it_and_a_PUT_without_it_or_with_null_keeps_it()
    {
        var user = User("language-1");
        Assert.Equal(JsonValueKind.Null, (await LanguageAsync(user)).ValueKind);

        using (var put = await user.PutAsJsonAsync("/api/settings", Settings("it", withLanguage: true)))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("it", (await put.ReadJsonAsync()).GetProperty("language").GetString());
        }

        using (var without = await user.PutAsJsonAsync("/api/settings", Settings()))
        {
            Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        }

        using (var nullOne = await user.PutAsJsonAsync("/api/settings", Settings(null, withLanguage: true)))
        {
            Assert.Equal(HttpStatusCode.OK, nullOne.StatusCode);
        }

        Assert.Equal("it", (await LanguageAsync(user)).GetString());
    }

    [Theory]
    [InlineData("pt")]
    [InlineData("IT")]
    [InlineData("it-IT")]
    [InlineData("")]
    public async Task Any_other_value_is_a_400_naming_the_five_and_changes_nothing(string value)
    {
        var user = User("language-2-" + value);
        using (var set = await user.PatchAsJsonAsync("/api/settings", new { language = "fr" }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        using var put = await user.PutAsJsonAsync("/api/settings", Settings(value, withLanguage: true));
        using var patch = await user.PatchAsJsonAsync("/api/settings", new { language = value });

        foreach (var response in new[] { put, patch })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var message = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("language")[0].GetString();
            Assert.Contains("en, it, de, fr, es", message, StringComparison.Ordinal);
        }

        Assert.Equal("fr", (await LanguageAsync(user)).GetString());
        // The refused PUT saved nothing else either: the user still has the defaults, not the 30 hours it carried.
        Assert.Equal(48, (await (await user.GetAsync("/api/settings")).ReadJsonAsync()).GetProperty("windowHours").GetInt32());
    }

    [Fact]
    public async Task A_PATCH_without_a_language_is_a_400()
    {
        using var patch = await User("language-3").PatchAsJsonAsync("/api/settings", new { });

        Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
        Assert.Contains("en, it, de, fr, es", (await patch.ReadJsonAsync()).GetProperty("errors").GetProperty("language")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_PATCH_with_null_sets_English_as_the_README_says()
    {
        var user = User("language-null");
        using (var set = await user.PatchAsJsonAsync("/api/settings", new { language = "fr" }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        using var patch = await user.PatchAsJsonAsync("/api/settings", new { language = (string?)null });

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("en", (await patch.ReadJsonAsync()).GetProperty("language").GetString());
        Assert.Equal("en", (await LanguageAsync(user)).GetString());
    }

    [Fact]
    public async Task A_PATCH_sets_the_language_alone_and_the_user_keeps_following_the_tenants_default_window()
    {
        var admin = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { Tenant = TestTokens.TenantB, ObjectId = "language-admin", Roles = ["FollowUp.Admin"] }));
        var user = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { Tenant = TestTokens.TenantB, ObjectId = "language-4" }));

        using (var patch = await user.PatchAsJsonAsync("/api/settings", new { language = "de" }))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
            Assert.Equal("de", (await patch.ReadJsonAsync()).GetProperty("language").GetString());
        }

        using (var policy = await admin.PutAsJsonAsync("/api/admin/policy",
            new { defaultWindowHours = 36, minWindowHours = 24, maxWindowHours = 48, excludedDomains = Array.Empty<string>(), retentionDays = 180 }))
        {
            Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        }

        var settings = await (await user.GetAsync("/api/settings")).ReadJsonAsync();
        Assert.Equal((36, "de"), (settings.GetProperty("windowHours").GetInt32(), settings.GetProperty("language").GetString()));
    }

    [Fact]
    public async Task Erasing_me_erases_the_language_and_the_digests_state()
    {
        var user = User("language-5");
        using (var patch = await user.PatchAsJsonAsync("/api/settings", new { language = "es" }))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }

        var key = $"{TestTokens.TenantA}:language-5";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
            db.Set<DigestStateRow>().Add(new DigestStateRow { UserKey = key, LastDigestDate = "2026-11-23", WorkingHours = "{}" });
            await db.SaveChangesAsync();
        }

        using (var erase = await user.DeleteAsync("/api/me"))
        {
            Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        }

        Assert.Equal(JsonValueKind.Null, (await LanguageAsync(user)).ValueKind);
        await using var check = app.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<FollowUpDbContext>().Set<DigestStateRow>().AnyAsync(r => r.UserKey == key));
    }

    private static async Task<JsonElement> LanguageAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/settings")).ReadJsonAsync()).GetProperty("language");
}
