using System.Net;
using System.Net.Http.Json;
using static OutlookFollowUp.Tests.Support.ApiTestKit;

namespace OutlookFollowUp.Tests.Web;

public sealed class IsolationTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private readonly HttpClient _a = app.CreateClient(TestTokens.UserA);
    private readonly HttpClient _b = app.CreateClient(TestTokens.UserB);

    [Fact]
    public async Task User_B_cannot_read_change_or_delete_user_As_reminder()
    {
        var created = await _a.PostJsonAsync("/api/reminders", new { messageId = "a-only-1", afterHours = 24 }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var before = await _a.GetStringAsync($"/api/reminders/{id}");

        using var get = await _b.GetAsync($"/api/reminders/{id}");
        using var patch = await _b.PatchAsJsonAsync($"/api/reminders/{id}", new { remindAt = app.Time.GetUtcNow().AddDays(2) });
        using var done = await _b.PostAsync($"/api/reminders/{id}/done", null);
        using var delete = await _b.DeleteAsync($"/api/reminders/{id}");

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { get.StatusCode, patch.StatusCode, done.StatusCode, delete.StatusCode });
        Assert.Equal(before, await _a.GetStringAsync($"/api/reminders/{id}"));
        Assert.DoesNotContain(id!, await _b.GetStringAsync("/api/reminders"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_B_cannot_dismiss_or_undismiss_user_As_thread()
    {
        await app.SeedThreadAsync(UserAKey, "thread-of-a", app.Time.GetUtcNow().AddDays(-3));
        await _a.PostJsonAsync("/api/threads/thread-of-a/dismiss", new { }, HttpStatusCode.OK);

        using var undo = await _b.DeleteAsync("/api/threads/thread-of-a/dismiss");
        using var dismiss = await _b.PostAsync("/api/threads/thread-of-a/dismiss", null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (undo.StatusCode, dismiss.StatusCode));
        using var aUndo = await _a.DeleteAsync("/api/threads/thread-of-a/dismiss");
        Assert.Equal(HttpStatusCode.NoContent, aUndo.StatusCode); // A's dismissal was still there
    }

    [Fact]
    public async Task Settings_are_per_user()
    {
        var mine = new { windowHours = 24, businessDays = true, timeZone = "Europe/Berlin", lookbackDays = 7, excludedSenders = new[] { "boss@example.com" }, excludedDomains = Array.Empty<string>(), setOutlookFlags = true };
        using var put = await _a.PutAsJsonAsync("/api/settings", mine);
        put.EnsureSuccessStatusCode();
        var aBefore = await _a.GetStringAsync("/api/settings");

        var bSettings = await (await _b.GetAsync("/api/settings")).ReadJsonAsync();
        using var bPut = await _b.PutAsJsonAsync("/api/settings", mine with { windowHours = 48, timeZone = "UTC", excludedSenders = Array.Empty<string>() });

        Assert.Equal(48, bSettings.GetProperty("windowHours").GetInt32());
        Assert.Equal(HttpStatusCode.OK, bPut.StatusCode);
        Assert.Equal(aBefore, await _a.GetStringAsync("/api/settings"));
    }

    [Fact]
    public async Task Erasing_user_B_leaves_user_A_untouched()
    {
        await _a.PostJsonAsync("/api/reminders", new { messageId = "a-keep", afterHours = 24 }, HttpStatusCode.Created);
        await _b.PostJsonAsync("/api/reminders", new { messageId = "b-gone", afterHours = 24 }, HttpStatusCode.Created);
        var aBefore = await _a.GetStringAsync("/api/reminders");

        using var erase = await _b.DeleteAsync("/api/me");

        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        Assert.Equal("{\"reminders\":[]}", await _b.GetStringAsync("/api/reminders"));
        Assert.Equal(aBefore, await _a.GetStringAsync("/api/reminders"));
    }
}
