using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.MailIndex;

namespace OutlookFollowUp.Tests.Support;

/// <summary>Small helpers shared by the API tests.</summary>
public static class ApiTestKit
{
    public const string UserAKey = TestTokens.TenantA + ":aaaaaaaa-0000-0000-0000-00000000000a";
    public const string UserBKey = TestTokens.TenantA + ":bbbbbbbb-0000-0000-0000-00000000000b";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.Equal(expected, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>An unanswered thread in the user's index, as the sync would have stored it.</summary>
    public static async Task SeedThreadAsync(this ApiApplication app, string userKey, string threadKey, DateTimeOffset since)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<IThreadIndex>();
        var existing = (await index.GetThreadsAsync(userKey, null, CancellationToken.None)).Threads;
        var thread = new FollowUp(FollowUpDirection.Theirs, $"<{threadKey}@example.com>", $"msg-{threadKey}", threadKey, since, "Quote", ["ana@example.com"], "You wrote to Ana.");
        await index.ReplaceThreadsAsync(userKey, [.. existing.Where(t => t.ThreadKey != threadKey), thread], since, CancellationToken.None);
    }

    public static async Task SeedMessagesAsync(this ApiApplication app, string userKey, IReadOnlyList<string> me, params MailRecord[] messages)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<IThreadIndex>();
        await index.SetMailboxAsync(userKey, me, null, CancellationToken.None);
        await index.ApplyDeltaAsync(userKey, "inbox", messages, [], "link", app.Time.GetUtcNow(), CancellationToken.None);
    }

    public static string Snapshot(params string[] parts) => string.Join("\n", parts);
}
