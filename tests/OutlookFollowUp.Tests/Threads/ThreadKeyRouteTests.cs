using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OutlookFollowUp.Tests.Threads;

/// <summary>
/// Thread keys with '/', '+' and '=' (and a literal "%2F", which must not be decoded twice) survive the route: dismiss,
/// undo and draft work through the real API, on TestServer and on Kestrel.
/// </summary>
public sealed class ThreadKeyRouteTests
{
    public static TheoryData<bool, string> Cases()
    {
        var data = new TheoryData<bool, string>();
        foreach (var kestrel in new[] { false, true })
        {
            // TestServer gives no raw request target, so only a real server can tell a literal "%2F" from an encoded '/'.
            foreach (var key in Base64Mailbox.Keys.Where(k => kestrel || !k.Contains('%', StringComparison.Ordinal)))
            {
                data.Add(kestrel, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Dismiss_and_undo_work_for_a_key_with_slash_plus_and_equals(bool kestrel, string key)
    {
        using var host = new HardeningHost(Base64Mailbox.Create(), kestrel);
        using var client = host.Client();
        Assert.Contains(key, await KeysAsync(client));
        var path = $"/api/threads/{Uri.EscapeDataString(key)}/dismiss";

        using var dismissed = await client.PostAsync(path, content: null);
        var hidden = await KeysAsync(client);
        using var undone = await client.DeleteAsync(path);
        var shown = await KeysAsync(client);

        Assert.Equal((HttpStatusCode.OK, false, HttpStatusCode.NoContent, true),
            (dismissed.StatusCode, hidden.Contains(key), undone.StatusCode, shown.Contains(key)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Draft_works_for_a_key_with_slash_plus_and_equals(bool kestrel, string key)
    {
        var mailbox = Base64Mailbox.Create();
        using var host = new HardeningHost(mailbox, kestrel);
        using var client = host.Client();
        var thread = (await ThreadsAsync(client)).Single(t => t.GetProperty("threadKey").GetString() == key);

        using var response = await client.PostAsJsonAsync($"/api/threads/{Uri.EscapeDataString(key)}/draft",
            new { messageId = thread.GetProperty("messageId").GetString(), comment = "Any news?" });

        Assert.Equal((HttpStatusCode.Created, 1), (response.StatusCode, mailbox.Count("drafts")));
    }

    private static async Task<List<string>> KeysAsync(HttpClient client) =>
        [.. (await ThreadsAsync(client)).Select(t => t.GetProperty("threadKey").GetString()!)];

    private static async Task<JsonElement[]> ThreadsAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/threads");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("threads").EnumerateArray()];
    }
}
