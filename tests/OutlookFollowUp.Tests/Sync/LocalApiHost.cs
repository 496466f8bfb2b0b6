using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Mail.Graph.InMemory;
using OutlookFollowUp.Tests.Graph;

namespace OutlookFollowUp.Tests.Sync;

/// <summary>
/// The real app in local mode (no Entra ID configuration), on its own SQLite file, with a fake clock and the fake Graph
/// server as the Graph transport. Any Graph request the fake was not prepared for fails the test on dispose.
/// </summary>
public sealed class LocalApiHost : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("followups-api-").FullName;

    public LocalApiHost(InMemoryMailbox mailbox, DateTimeOffset now)
    {
        Clock = new FakeTimeProvider(now);
        Graph = new FakeGraph(mailbox);
    }

    public FakeTimeProvider Clock { get; }

    public FakeGraph Graph { get; }

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataFolder", _dataFolder);
        builder.UseSetting("Graph:PageSize", "50");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<GraphClientFactory>();
            services.AddSingleton(sp => new GraphClientFactory(sp.GetRequiredService<IOptions<GraphOptions>>().Value, Clock, Graph));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataFolder))
        {
            Graph.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataFolder, recursive: true);
            Assert.True(Graph.Problems.Count == 0, string.Join("\n", Graph.Problems));
        }
    }
}

public sealed record ThreadsBody(IReadOnlyList<ThreadBody> Threads, bool Stale, string? LastSyncedAt);

public sealed record ThreadBody(
    string Direction, string? InternetMessageId, string ThreadKey, string Since, string Subject, IReadOnlyList<string> Counterparts, string Reason, string MessageId);
