using System.Net.Http.Json;
using System.Text.Json;
using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Tests.Mail;

/// <summary>The real app in local mode for API tests (TestServer): see <see cref="LocalAppFactory"/>.</summary>
/// <param name="sharing">Another host whose database this one shares, as a second instance of the app would.</param>
public sealed class LocalApiHost(InMemoryMailbox mailbox, DateTimeOffset now, LocalApiHost? sharing = null)
    : LocalAppFactory(mailbox, now, "followups-api-", sharing)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ThreadsBody> ThreadsAsync(string query = "")
    {
        using var client = CreateClient();
        using var response = await client.GetAsync(new Uri("/api/threads" + query, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ThreadsBody>(Json))!;
    }

    public async Task<ThreadsBody> SyncAsync()
    {
        using var client = CreateClient();
        using var response = await client.PostAsync(new Uri("/api/threads/sync", UriKind.Relative), content: null);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ThreadsBody>(Json))!;
    }
}

public sealed record ThreadsBody(IReadOnlyList<ThreadBody> Threads, bool Stale, string? LastSyncedAt);

public sealed record ThreadBody(
    string Direction, string? InternetMessageId, string ThreadKey, string Since, string Subject, IReadOnlyList<string> Counterparts, string Reason, string MessageId);
