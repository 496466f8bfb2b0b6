using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.Settings;
using static OutlookFollowUp.Tests.Support.ApiTestKit;

namespace OutlookFollowUp.Tests.Settings;

public sealed class SettingsTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static object Settings(int window, string? zone = "W. Europe Standard Time") => new
    {
        windowHours = window, businessDays = true, timeZone = zone, lookbackDays = 21,
        excludedSenders = new[] { "Boss@Example.com" }, excludedDomains = new[] { "news.example.com" }, setOutlookFlags = true,
    };

    [Fact]
    public async Task Put_then_get_round_trips_with_addresses_normalized_and_a_Windows_zone_accepted()
    {
        var client = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { ObjectId = "settings-1" }));

        using var put = await client.PutAsJsonAsync("/api/settings", Settings(30));
        var got = await (await client.GetAsync("/api/settings")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal((30, "W. Europe Standard Time", "boss@example.com"),
            (got.GetProperty("windowHours").GetInt32(), got.GetProperty("timeZone").GetString(), got.GetProperty("excludedSenders")[0].GetString()));
    }

    [Fact]
    public async Task The_tenant_policy_bounds_the_window_users_may_pick_and_clamps_what_they_picked_before()
    {
        const string tenant = "33333333-3333-3333-3333-333333333333";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ISettingsStore>();
            await store.SaveAsync($"{tenant}:early", new UserSettings(48, false, null, 14, [], [], false), CancellationToken.None);
            await store.SavePolicyAsync(tenant, new TenantPolicy(36, 30, 40, ["partner.example"], 90), CancellationToken.None);
        }

        var client = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { Tenant = TestTokens.TenantB, ObjectId = "x" }));
        using var outsideOtherTenant = await client.PutAsJsonAsync("/api/settings", Settings(45));
        await using var read = app.Services.CreateAsyncScope();
        var effective = await read.ServiceProvider.GetRequiredService<ISettingsStore>().GetEffectiveAsync($"{tenant}:early", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, outsideOtherTenant.StatusCode); // another tenant's policy does not apply
        Assert.Equal(40, effective.WindowHours);
        Assert.Contains("partner.example", effective.ExcludedDomains);
    }

    [Fact]
    public async Task A_window_outside_the_tenants_range_is_a_400_naming_the_range()
    {
        var admin = app.CreateClient(TestTokens.Admin);
        using var policy = await admin.PutAsJsonAsync("/api/admin/policy", new { defaultWindowHours = 30, minWindowHours = 26, maxWindowHours = 40, excludedDomains = Array.Empty<string>(), retentionDays = 30 });
        var user = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { ObjectId = "bounded" }));

        using var outside = await user.PutAsJsonAsync("/api/settings", Settings(44));
        var problem = await outside.ReadJsonAsync();
        using var inside = await user.PutAsJsonAsync("/api/settings", Settings(40));

        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("between 26 and 40", problem.GetProperty("errors").GetProperty("windowHours")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        using var reset = await admin.PutAsJsonAsync("/api/admin/policy", new { defaultWindowHours = 48, minWindowHours = 24, maxWindowHours = 48, excludedDomains = Array.Empty<string>(), retentionDays = 180 });
    }

    [Fact]
    public async Task A_policy_whose_minimum_exceeds_its_maximum_is_a_400_saying_so()
    {
        var admin = app.CreateClient(TestTokens.Admin);
        var before = (await (await admin.GetAsync("/api/admin/policy")).ReadJsonAsync()).ToString();

        using var policy = await admin.PutAsJsonAsync("/api/admin/policy", new { defaultWindowHours = 36, minWindowHours = 40, maxWindowHours = 30, excludedDomains = Array.Empty<string>(), retentionDays = 30 });
        var problem = await policy.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, policy.StatusCode);
        Assert.Equal("minWindowHours (40) must not be more than maxWindowHours (30).", problem.GetProperty("errors").GetProperty("minWindowHours")[0].GetString());
        Assert.Equal(before, (await (await admin.GetAsync("/api/admin/policy")).ReadJsonAsync()).ToString());
    }

    [Fact]
    public void Effective_settings_become_the_engines_options_with_the_mailbox_zone_as_fallback()
    {
        var effective = new UserSettings(30, true, null, 21, [], [], false);

        var options = effective.ToDetectionOptions(["me@contoso.com"], ApiApplication.Start, "Europe/Berlin");

        Assert.Equal((30, 21, true, "Europe/Berlin"), (options.WindowHours, options.LookbackDays, options.BusinessDays, options.TimeZone.Id));
    }

    [Fact]
    public async Task Erasing_me_removes_reminders_dismissals_settings_and_the_index()
    {
        var client = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { ObjectId = "erase-me" }));
        const string key = TestTokens.TenantA + ":erase-me";
        await client.PostJsonAsync("/api/reminders", new { messageId = "e1", afterHours = 24 }, HttpStatusCode.Created);
        await client.PutAsJsonAsync("/api/settings", Settings(30));
        await app.SeedThreadAsync(key, "erase-thread", ApiApplication.Start.AddDays(-3));
        await client.PostJsonAsync("/api/threads/erase-thread/dismiss", new { }, HttpStatusCode.OK);

        using var erase = await client.DeleteAsync("/api/me");

        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        Assert.Equal("{\"reminders\":[]}", await client.GetStringAsync("/api/reminders"));
        Assert.Equal(48, (await (await client.GetAsync("/api/settings")).ReadJsonAsync()).GetProperty("windowHours").GetInt32());
        using var undo = await client.DeleteAsync("/api/threads/erase-thread/dismiss");
        Assert.Equal(HttpStatusCode.NotFound, undo.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<OutlookFollowUp.MailIndex.IThreadIndex>().GetStateAsync(key, CancellationToken.None));
    }
}
