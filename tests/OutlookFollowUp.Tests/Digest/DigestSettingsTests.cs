using System.Net;
using System.Net.Http.Json;
using static OutlookFollowUp.Tests.Support.ApiTestKit;

namespace OutlookFollowUp.Tests.Digest;

/// <summary>The digest's opt-in on the settings JSON (<c>digest</c>) and its default on the admin policy (<c>digestDefault</c>).</summary>
public sealed class DigestSettingsTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static object Settings(bool? digest) => digest is { } on
        ? new { windowHours = 30, businessDays = true, timeZone = "Europe/Rome", lookbackDays = 21, setOutlookFlags = true, digest = on }
        : new { windowHours = 30, businessDays = true, timeZone = "Europe/Rome", lookbackDays = 21, setOutlookFlags = true };

    private static object Policy(bool? digestDefault) => digestDefault is { } on
        ? new { defaultWindowHours = 48, minWindowHours = 24, maxWindowHours = 48, excludedDomains = Array.Empty<string>(), retentionDays = 180, digestDefault = on }
        : new { defaultWindowHours = 48, minWindowHours = 24, maxWindowHours = 48, excludedDomains = Array.Empty<string>(), retentionDays = 180 };

    [Fact]
    public async Task The_policy_sets_the_default_a_users_choice_wins_and_a_PUT_without_it_keeps_it()
    {
        var admin = app.CreateClient(TestTokens.Admin);
        var user = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { ObjectId = "digest-settings-1" }));

        Assert.False(await DigestAsync(user));

        using (var on = await admin.PutAsJsonAsync("/api/admin/policy", Policy(true)))
        {
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
            Assert.True((await on.ReadJsonAsync()).GetProperty("digestDefault").GetBoolean());
        }

        Assert.True(await DigestAsync(user));

        using (var off = await user.PutAsJsonAsync("/api/settings", Settings(false)))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
            Assert.False((await off.ReadJsonAsync()).GetProperty("digest").GetBoolean());
        }

        using (var without = await user.PutAsJsonAsync("/api/settings", Settings(null)))
        {
            Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        }

        Assert.False(await DigestAsync(user));

        using (var keep = await admin.PutAsJsonAsync("/api/admin/policy", Policy(null)))
        {
            Assert.True((await keep.ReadJsonAsync()).GetProperty("digestDefault").GetBoolean());
        }

        using var reset = await admin.PutAsJsonAsync("/api/admin/policy", Policy(false));
        Assert.False((await (await admin.GetAsync("/api/admin/policy")).ReadJsonAsync()).GetProperty("digestDefault").GetBoolean());
    }

    [Fact]
    public async Task A_digest_that_is_not_a_boolean_is_a_400()
    {
        var user = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { ObjectId = "digest-settings-2" }));

        using var bad = await user.PutAsJsonAsync("/api/settings",
            new { windowHours = 30, businessDays = true, timeZone = "UTC", lookbackDays = 21, setOutlookFlags = true, digest = "yes" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.False(await DigestAsync(user));
    }

    private static async Task<bool> DigestAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/settings")).ReadJsonAsync()).GetProperty("digest").GetBoolean();
}
