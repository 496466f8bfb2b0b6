using System.Net;
using System.Net.Http.Json;
using static OutlookFollowUp.Tests.Support.ApiTestKit;

namespace OutlookFollowUp.Tests.Routes;

/// <summary>
/// <c>colleagueAnswers</c> on the settings JSON (on by default) and its default on the admin policy
/// (<c>colleagueAnswersDefault</c>), with Entra ID tokens; and the routes' status GET /api/settings answers.
/// </summary>
public sealed class ColleagueSettingTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static object Settings(bool? colleagues) => colleagues is { } on
        ? new { windowHours = 30, businessDays = false, lookbackDays = 21, setOutlookFlags = true, colleagueAnswers = on }
        : new { windowHours = 30, businessDays = false, lookbackDays = 21, setOutlookFlags = true };

    private static object Policy(bool? colleaguesDefault) => colleaguesDefault is { } on
        ? new { defaultWindowHours = 48, minWindowHours = 24, maxWindowHours = 48, retentionDays = 180, colleagueAnswersDefault = on }
        : new { defaultWindowHours = 48, minWindowHours = 24, maxWindowHours = 48, retentionDays = 180 };

    [Fact]
    public async Task On_by_default_the_tenant_may_turn_it_off_a_users_choice_wins_and_a_PUT_without_it_keeps_it()
    {
        var admin = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { ObjectId = "colleague-admin", Tenant = TestTokens.TenantB, Roles = ["FollowUp.Admin"] }));
        var user = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { ObjectId = "colleague-user", Tenant = TestTokens.TenantB }));

        Assert.True(await ColleaguesAsync(user));
        using (var off = await admin.PutAsJsonAsync("/api/admin/policy", Policy(false)))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
            Assert.False((await off.ReadJsonAsync()).GetProperty("colleagueAnswersDefault").GetBoolean());
        }

        Assert.False(await ColleaguesAsync(user));
        using (var on = await user.PutAsJsonAsync("/api/settings", Settings(true)))
        {
            Assert.True((await on.ReadJsonAsync()).GetProperty("colleagueAnswers").GetBoolean());
        }

        using (var keep = await user.PutAsJsonAsync("/api/settings", Settings(null)))
        {
            Assert.True((await keep.ReadJsonAsync()).GetProperty("colleagueAnswers").GetBoolean());
        }

        using (var keepPolicy = await admin.PutAsJsonAsync("/api/admin/policy", Policy(null)))
        {
            Assert.False((await keepPolicy.ReadJsonAsync()).GetProperty("colleagueAnswersDefault").GetBoolean());
        }
    }

    [Fact]
    public async Task Not_a_boolean_is_a_400_naming_the_field()
    {
        var user = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { ObjectId = "colleague-user-2" }));

        using var bad = await user.PutAsJsonAsync("/api/settings",
            new { windowHours = 30, businessDays = false, lookbackDays = 21, setOutlookFlags = true, colleagueAnswers = "yes" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("colleagueAnswers", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await ColleaguesAsync(user));
    }

    [Fact]
    public async Task Before_any_check_both_routes_say_on_with_the_permission_each_needs()
    {
        var user = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { ObjectId = "colleague-user-3" }));

        var routes = (await (await user.GetAsync("/api/settings")).ReadJsonAsync()).GetProperty("routes");

        Assert.Equal(
            """[{"route":"teams","on":true,"permission":"Chat.Read","reason":null},{"route":"meetings","on":true,"permission":"Calendars.ReadBasic","reason":null}]""",
            routes.GetRawText());
    }

    private static async Task<bool> ColleaguesAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/settings")).ReadJsonAsync()).GetProperty("colleagueAnswers").GetBoolean();
}
