using System.Net;
using System.Text;

namespace OutlookFollowUp.Tests.Web;

/// <summary>
/// Malformed and hostile requests: each gets a 4xx ProblemDetails, never a 5xx, and leaves the stored data as it was.
/// Requests go out as an admin so the policy route is reachable too.
/// </summary>
public sealed class HostileRequestTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private const string Json = "application/json";
    private static readonly string Huge = new('x', 10_000);
    private static readonly string TwoMegabytes = "{\"windowHours\":24,\"pad\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";

    private const string Settings = "/api/settings";
    private const string Reminders = "/api/reminders";
    private const string Policy = "/api/admin/policy";

    private static string SettingsWith(string field, string json)
    {
        var fields = new Dictionary<string, string>
        {
            ["windowHours"] = "36", ["businessDays"] = "false", ["timeZone"] = "\"Europe/Berlin\"", ["lookbackDays"] = "14",
            ["excludedSenders"] = "[]", ["excludedDomains"] = "[]", ["setOutlookFlags"] = "true",
        };
        fields[field] = json;
        return "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
    }

    private static string PolicyWith(int min, int def, int max, int retention) =>
        $"{{\"defaultWindowHours\":{def},\"minWindowHours\":{min},\"maxWindowHours\":{max},\"excludedDomains\":[],\"retentionDays\":{retention}}}";

    public static TheoryData<string, string, string, string?, string?> Cases()
    {
        var data = new TheoryData<string, string, string, string?, string?>
        {
            // name, method, path, content type, body
            { "window 0", "PUT", Settings, Json, SettingsWith("windowHours", "0") },
            { "window 23", "PUT", Settings, Json, SettingsWith("windowHours", "23") },
            { "window 49", "PUT", Settings, Json, SettingsWith("windowHours", "49") },
            { "window -1", "PUT", Settings, Json, SettingsWith("windowHours", "-1") },
            { "window \"abc\"", "PUT", Settings, Json, SettingsWith("windowHours", "\"abc\"") },
            { "window 1e309", "PUT", Settings, Json, SettingsWith("windowHours", "1e309") },
            { "window 36.5", "PUT", Settings, Json, SettingsWith("windowHours", "36.5") },
            { "window as a string", "PUT", Settings, Json, SettingsWith("windowHours", "\"36\"") },
            { "window null", "PUT", Settings, Json, SettingsWith("windowHours", "null") },
            { "window 2^31", "PUT", Settings, Json, SettingsWith("windowHours", "2147483648") },
            { "business days \"yes\"", "PUT", Settings, Json, SettingsWith("businessDays", "\"yes\"") },
            { "unknown time zone", "PUT", Settings, Json, SettingsWith("timeZone", "\"Mars/Olympus_Mons\"") },
            { "time zone of 10,000 characters", "PUT", Settings, Json, SettingsWith("timeZone", $"\"{Huge}\"") },
            { "lookback 0", "PUT", Settings, Json, SettingsWith("lookbackDays", "0") },
            { "lookback 100000", "PUT", Settings, Json, SettingsWith("lookbackDays", "100000") },
            { "sender not an address", "PUT", Settings, Json, SettingsWith("excludedSenders", "[\"not-an-address\"]") },
            { "sender null", "PUT", Settings, Json, SettingsWith("excludedSenders", "[null]") },
            { "201 senders", "PUT", Settings, Json, SettingsWith("excludedSenders", "[" + string.Join(",", Enumerable.Range(0, 201).Select(i => $"\"u{i}@example.com\"")) + "]") },
            { "domain with a path", "PUT", Settings, Json, SettingsWith("excludedDomains", "[\"../etc/passwd\"]") },
            { "domains not a list", "PUT", Settings, Json, SettingsWith("excludedDomains", "\"example.com\"") },
            { "settings all null", "PUT", Settings, Json, "{\"windowHours\":null,\"businessDays\":null,\"timeZone\":null,\"lookbackDays\":null,\"excludedSenders\":null,\"excludedDomains\":null,\"setOutlookFlags\":null}" },
            { "settings unknown field", "PUT", Settings, Json, SettingsWith("windowHours", "36,\"isAdmin\":true") },
            { "settings duplicate field", "PUT", Settings, Json, SettingsWith("windowHours", "36,\"windowHours\":24") },
            { "settings invalid JSON", "PUT", Settings, Json, "{\"windowHours\":36," },
            { "settings empty body", "PUT", Settings, Json, "" },
            { "settings JSON array", "PUT", Settings, Json, "[]" },
            { "settings JSON null", "PUT", Settings, Json, "null" },
            { "settings as text/plain", "PUT", Settings, "text/plain", SettingsWith("windowHours", "36") },
            { "settings 2 MB body", "PUT", Settings, Json, TwoMegabytes },
            { "remindAt in the past", "POST", Reminders, Json, "{\"messageId\":\"m1\",\"remindAt\":\"2026-11-22T09:00:00Z\"}" },
            { "remindAt ten years ahead", "POST", Reminders, Json, "{\"messageId\":\"m1\",\"remindAt\":\"2036-11-23T09:00:00Z\"}" },
            { "remindAt 90 days and a minute ahead", "POST", Reminders, Json, "{\"messageId\":\"m1\",\"remindAt\":\"2027-02-21T09:01:00Z\"}" },
            { "remindAt not a date", "POST", Reminders, Json, "{\"messageId\":\"m1\",\"remindAt\":\"tomorrow\"}" },
            { "messageId of 10,000 characters", "POST", Reminders, Json, $"{{\"messageId\":\"{Huge}\",\"afterHours\":24}}" },
            { "internetMessageId of 10,000 characters", "POST", Reminders, Json, $"{{\"internetMessageId\":\"<{Huge}>\",\"afterHours\":24}}" },
            { "messageId with control characters", "POST", Reminders, Json, "{\"messageId\":\"a\\u0000b\",\"afterHours\":24}" },
            { "messageId a number", "POST", Reminders, Json, "{\"messageId\":123,\"afterHours\":24}" },
            { "messageId empty", "POST", Reminders, Json, "{\"messageId\":\"\",\"afterHours\":24}" },
            { "no message id", "POST", Reminders, Json, "{\"afterHours\":24}" },
            { "both remindAt and afterHours", "POST", Reminders, Json, "{\"messageId\":\"m1\",\"afterHours\":24,\"remindAt\":\"2026-11-24T09:00:00Z\"}" },
            { "neither remindAt nor afterHours", "POST", Reminders, Json, "{\"messageId\":\"m1\"}" },
            { "afterHours 0", "POST", Reminders, Json, "{\"messageId\":\"m1\",\"afterHours\":0}" },
            { "afterHours -5", "POST", Reminders, Json, "{\"messageId\":\"m1\",\"afterHours\":-5}" },
            { "afterHours 2161", "POST", Reminders, Json, "{\"messageId\":\"m1\",\"afterHours\":2161}" },
            { "afterHours 1e309", "POST", Reminders, Json, "{\"messageId\":\"m1\",\"afterHours\":1e309}" },
            { "reminder all null", "POST", Reminders, Json, "{\"messageId\":null,\"internetMessageId\":null,\"remindAt\":null,\"afterHours\":null}" },
            { "reminder unknown field", "POST", Reminders, Json, "{\"messageId\":\"m1\",\"afterHours\":24,\"userKey\":\"someone-else\"}" },
            { "reminder invalid JSON", "POST", Reminders, Json, "{'messageId':'m1'}" },
            { "reminder as a form", "POST", Reminders, "application/x-www-form-urlencoded", "messageId=m1&afterHours=24" },
            { "reminder 2 MB body", "POST", Reminders, Json, TwoMegabytes },
            { "reminder no body", "POST", Reminders, null, null },
            { "get a reminder id of 10,000 characters", "GET", $"{Reminders}/{Huge}", null, null },
            { "delete a reminder id of 10,000 characters", "DELETE", $"{Reminders}/{Huge}", null, null },
            { "done on an unknown reminder", "POST", $"{Reminders}/does-not-exist/done", null, null },
            { "snooze an unknown reminder", "PATCH", $"{Reminders}/does-not-exist", Json, "{\"remindAt\":\"2026-11-24T09:00:00Z\"}" },
            { "dismiss a thread key of 10,000 characters", "POST", $"/api/threads/{Huge}/dismiss", null, null },
            { "undo a dismissal never made", "DELETE", "/api/threads/never-dismissed/dismiss", null, null },
            { "policy min above max", "PUT", Policy, Json, PolicyWith(40, 40, 30, 30) },
            { "policy default outside the range", "PUT", Policy, Json, PolicyWith(24, 47, 36, 30) },
            { "policy min 23", "PUT", Policy, Json, PolicyWith(23, 24, 48, 30) },
            { "policy max 49", "PUT", Policy, Json, PolicyWith(24, 24, 49, 30) },
            { "policy retention 0", "PUT", Policy, Json, PolicyWith(24, 24, 48, 0) },
            { "policy all null", "PUT", Policy, Json, "{\"defaultWindowHours\":null,\"minWindowHours\":null,\"maxWindowHours\":null,\"excludedDomains\":null,\"retentionDays\":null}" },
            { "delete settings (no such method)", "DELETE", Settings, null, null },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_request_gets_a_4xx_problem_and_changes_nothing(string name, string method, string path, string? contentType, string? body)
    {
        var client = app.CreateClient(TestTokens.Admin);
        var before = await SnapshotAsync(client);

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : new(contentType);
        }

        using var response = await client.SendAsync(request);

        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{name}: {status}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Exception", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(client));
    }

    [Fact]
    public async Task A_snooze_into_the_past_is_refused_and_the_reminder_keeps_its_time()
    {
        var client = app.CreateClient(TestTokens.Admin);
        var created = await client.PostJsonAsync(Reminders, new { messageId = "snooze-past", afterHours = 24 }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var before = await client.GetStringAsync($"{Reminders}/{id}");

        using var past = await client.PatchAsync($"{Reminders}/{id}", new StringContent("{\"remindAt\":\"2020-01-01T00:00:00Z\"}", Encoding.UTF8, Json));
        using var nulls = await client.PatchAsync($"{Reminders}/{id}", new StringContent("{\"remindAt\":null}", Encoding.UTF8, Json));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (past.StatusCode, nulls.StatusCode));
        Assert.Equal(before, await client.GetStringAsync($"{Reminders}/{id}"));
    }

    private static async Task<string> SnapshotAsync(HttpClient client) => ApiTestKit.Snapshot(
        await client.GetStringAsync(Reminders), await client.GetStringAsync(Settings), await client.GetStringAsync(Policy));
}
