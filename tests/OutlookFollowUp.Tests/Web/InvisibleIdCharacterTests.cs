using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OutlookFollowUp.Tests.Web;

/// <summary>
/// An id that holds a zero-width or bidirectional formatting character (it looks like another id, or like none) is a
/// 400 naming the field on every route taking ids, in the path or in the body; nothing is stored or drafted.
/// </summary>
public sealed class InvisibleIdCharacterTests
{
    public static TheoryData<string, string> Invisible() => new()
    {
        { "\u200B", "zero-width space" }, { "\u200C", "zero-width non-joiner" }, { "\u200D", "zero-width joiner" },
        { "\u200E", "left-to-right mark" }, { "\u200F", "right-to-left mark" }, { "\u061C", "Arabic letter mark" },
        { "\u202E", "right-to-left override" }, { "\u2060", "word joiner" }, { "\uFEFF", "zero-width no-break space" },
    };

    [Theory]
    [MemberData(nameof(Invisible))]
    public async Task Reminder_routes_refuse_an_id_holding_it(string bad, string what)
    {
        using var host = new HardeningHost(Base64Mailbox.Create(), kestrel: false);
        using var client = host.Client();
        var id = (await (await client.PostAsJsonAsync("/api/reminders", new { messageId = "AAMkMsg0-x_y=", afterHours = 24 })).Content
            .ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var path = $"/api/reminders/{Uri.EscapeDataString(id[..4] + bad + id[4..])}";

        await AssertRefusedAsync(await client.GetAsync(path), "id", $"get, {what}");
        await AssertRefusedAsync(await client.PatchAsJsonAsync(path, new { remindAt = HardeningHost.Now.AddDays(2) }), "id", $"snooze, {what}");
        await AssertRefusedAsync(await client.PostAsJsonAsync(path + "/done", new { }), "id", $"done, {what}");
        await AssertRefusedAsync(await client.DeleteAsync(path), "id", $"delete, {what}");
        await AssertRefusedAsync(await client.PostAsJsonAsync("/api/reminders", new { messageId = "AAMkMsg1" + bad, afterHours = 24 }), "messageId", $"create, {what}");
        await AssertRefusedAsync(await client.PostAsJsonAsync("/api/reminders", new { internetMessageId = $"<msg-1{bad}@contoso.com>", afterHours = 24 }), "internetMessageId", $"create, {what}");

        var reminders = (await client.GetFromJsonAsync<JsonElement>("/api/reminders")).GetProperty("reminders").EnumerateArray().ToList();
        Assert.Equal([(id, "scheduled")], reminders.Select(r => (r.GetProperty("id").GetString(), r.GetProperty("status").GetString())));
    }

    [Theory]
    [MemberData(nameof(Invisible))]
    public async Task Thread_routes_refuse_a_key_or_message_id_holding_it(string bad, string what)
    {
        var mailbox = Base64Mailbox.Create();
        using var host = new HardeningHost(mailbox, kestrel: false);
        using var client = host.Client();
        const string key = "AAQkAD+/+/=";
        var path = $"/api/threads/{Uri.EscapeDataString(key[..4] + bad + key[4..])}";

        await AssertRefusedAsync(await client.PostAsync(path + "/dismiss", content: null), "threadKey", $"dismiss, {what}");
        await AssertRefusedAsync(await client.DeleteAsync(path + "/dismiss"), "threadKey", $"undo, {what}");
        await AssertRefusedAsync(await client.GetAsync(path + "/phones"), "threadKey", $"phones, {what}");
        await AssertRefusedAsync(await client.PostAsJsonAsync(path + "/draft", new { messageId = "AAMkMsg1-x_y=", comment = "Any news?" }), "threadKey", $"draft, {what}");
        await AssertRefusedAsync(await client.PostAsJsonAsync($"/api/threads/{Uri.EscapeDataString(key)}/draft", new { messageId = "AAMkMsg1" + bad + "-x_y=", comment = "Any news?" }),
            "messageId", $"draft, {what}");

        Assert.Equal(0, mailbox.Count("drafts"));
        Assert.Equal(Base64Mailbox.Keys.Length, (await client.GetFromJsonAsync<JsonElement>("/api/threads")).GetProperty("threads").GetArrayLength());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string what)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var named = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                && JsonSerializer.Deserialize<JsonElement>(text).TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest && named, $"{what}: {(int)response.StatusCode} {text}");
        }
    }
}
