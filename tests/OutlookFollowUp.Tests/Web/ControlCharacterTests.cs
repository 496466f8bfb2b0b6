using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OutlookFollowUp.Tests.Web;

/// <summary>
/// Control characters and bidirectional overrides are refused in every string the API stores, with a 400 ProblemDetails
/// naming the field; a draft's comment may hold line breaks and tabs only.
/// </summary>
public sealed class ControlCharacterTests
{
    public static TheoryData<string, string> Forbidden() => new()
    {
        { "\u0000", "NUL" }, { "\u001B", "ESC" }, { "\u007F", "DEL" }, { "\u0085", "C1 NEL" },
        { "\u202E", "right-to-left override" }, { "\u202A", "left-to-right embedding" }, { "\u2066", "left-to-right isolate" }, { "\u2069", "pop isolate" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task Settings_an_excluded_sender_with_a_forbidden_character_is_400_and_not_stored(string bad, string what)
    {
        using var app = new ApiApplication { Local = true };
        using var client = app.CreateClient();

        using var response = await client.PutAsJsonAsync("/api/settings", Settings(excludedSenders: [$"ana{bad}@fabrikam.com"]));
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/settings");

        await AssertRefusedAsync(response, "excludedSenders[0]", what);
        Assert.Equal(0, stored.GetProperty("excludedSenders").GetArrayLength());
    }

    [Theory]
    [InlineData("excludedDomains", "fabrikam\u202E.com")]
    [InlineData("timeZone", "Europe/Berlin\u0000")]
    public async Task Settings_other_fields_with_a_forbidden_character_are_400(string field, string value)
    {
        using var app = new ApiApplication { Local = true };
        using var client = app.CreateClient();

        using var response = await client.PutAsJsonAsync("/api/settings",
            field == "timeZone" ? Settings(timeZone: value) : Settings(excludedDomains: [value]));

        await AssertRefusedAsync(response, field == "timeZone" ? "timeZone" : "excludedDomains[0]", field);
    }

    [Fact]
    public async Task Policy_an_excluded_domain_with_a_bidi_override_is_400()
    {
        using var app = new ApiApplication { Local = true };
        using var client = app.CreateClient();

        using var response = await client.PutAsJsonAsync("/api/admin/policy",
            new { defaultWindowHours = 48, minWindowHours = 24, maxWindowHours = 48, excludedDomains = new[] { "contoso\u2067.com" }, retentionDays = 30 });

        await AssertRefusedAsync(response, "excludedDomains[0]", "policy");
    }

    [Theory]
    [InlineData("messageId", "AAMkAGI2\u202Egpj.exe")]
    [InlineData("internetMessageId", "<a\u2066b@contoso.com>")]
    public async Task Reminders_an_id_with_a_bidi_override_is_400_and_not_stored(string field, string value)
    {
        using var app = new ApiApplication { Local = true };
        using var client = app.CreateClient();
        var body = new Dictionary<string, object> { [field] = value, ["afterHours"] = 24 };

        using var response = await client.PostAsJsonAsync("/api/reminders", body);
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/reminders");

        await AssertRefusedAsync(response, field, field);
        Assert.Equal(0, stored.GetProperty("reminders").GetArrayLength());
    }

    [Theory]
    [InlineData("AAQk\u202Exyz=")]
    [InlineData("AAQk\u001Bxyz=")] // a NUL never reaches routing: the server refuses "%00" in a path itself
    public async Task Dismissals_a_thread_key_with_a_forbidden_character_is_400(string key)
    {
        using var app = new ApiApplication { Local = true };
        using var client = app.CreateClient();

        using var response = await client.PostAsync($"/api/threads/{Uri.EscapeDataString(key)}/dismiss", content: null);

        await AssertRefusedAsync(response, "threadKey", "dismiss");
    }

    [Theory]
    [InlineData("comment", "Any news?\u0000")]
    [InlineData("comment", "Any news?\u202E")]
    [InlineData("messageId", "\u202E")]
    [InlineData("threadKey", "\u2066")]
    public async Task Draft_a_forbidden_character_is_400_and_creates_nothing(string field, string bad)
    {
        var mailbox = Base64Mailbox.Create();
        using var host = new HardeningHost(mailbox, kestrel: false);
        using var client = host.Client();
        var (key, messageId) = await FirstThreadAsync(client);

        using var response = await client.PostAsJsonAsync(
            $"/api/threads/{Uri.EscapeDataString(field == "threadKey" ? key + bad : key)}/draft",
            new { messageId = field == "messageId" ? messageId + bad : messageId, comment = field == "comment" ? bad : "Any news?" });

        await AssertRefusedAsync(response, field, "draft");
        Assert.Equal(0, mailbox.Count("drafts"));
    }

    [Fact]
    public async Task Draft_a_comment_with_line_breaks_and_tabs_is_accepted()
    {
        var mailbox = Base64Mailbox.Create();
        using var host = new HardeningHost(mailbox, kestrel: false);
        using var client = host.Client();
        var (key, messageId) = await FirstThreadAsync(client);

        using var response = await client.PostAsJsonAsync($"/api/threads/{Uri.EscapeDataString(key)}/draft",
            new { messageId, comment = "Hi Ana,\r\n\n\tany news?" });

        Assert.Equal((HttpStatusCode.Created, 1), (response.StatusCode, mailbox.Count("drafts")));
    }

    private static object Settings(string[]? excludedSenders = null, string[]? excludedDomains = null, string? timeZone = null) => new
    {
        windowHours = 48, businessDays = false, timeZone, lookbackDays = 14,
        excludedSenders = excludedSenders ?? [], excludedDomains = excludedDomains ?? [], setOutlookFlags = false,
    };

    private static async Task<(string Key, string MessageId)> FirstThreadAsync(HttpClient client)
    {
        // TestServer cannot carry a literal "%2F" (see ThreadKeyRouteTests): take a thread whose key has none.
        var thread = (await client.GetFromJsonAsync<JsonElement>("/api/threads")).GetProperty("threads").EnumerateArray()
            .First(t => !t.GetProperty("threadKey").GetString()!.Contains('%', StringComparison.Ordinal));
        return (thread.GetProperty("threadKey").GetString()!, thread.GetProperty("messageId").GetString()!);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        var named = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            && JsonSerializer.Deserialize<JsonElement>(text).GetProperty("errors").TryGetProperty(field, out _);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest && named, $"{what}: {(int)response.StatusCode} {text}");
    }
}
