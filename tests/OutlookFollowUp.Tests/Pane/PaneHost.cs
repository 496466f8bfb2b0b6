using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Mail.Graph.InMemory;
using OutlookFollowUp.Tests.Graph;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// The real app in local mode on Kestrel at 127.0.0.1 (a browser cannot reach TestServer), with its own SQLite folder,
/// a fake clock and the fake Graph as its only outbound transport.
/// </summary>
public sealed class PaneHost : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("followups-pane-").FullName;

    public PaneHost(InMemoryMailbox mailbox, DateTimeOffset now)
    {
        Clock = new FakeTimeProvider(now);
        Graph = new FakeGraph(mailbox);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient { BaseAddress = BaseUrl };
    }

    public Uri BaseUrl { get; }

    public FakeTimeProvider Clock { get; }

    public FakeGraph Graph { get; }

    /// <summary>A plain HTTP client to check the server's state behind the pane's back.</summary>
    public HttpClient Http { get; }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public async Task SendJsonAsync(HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, options: Json) };
        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonArray> ThreadsAsync(string direction = "all") =>
        (await GetJsonAsync($"/api/threads?direction={direction}"))["threads"]!.AsArray();

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
            Http.Dispose();
            Graph.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataFolder, recursive: true);
            Assert.Empty(Graph.Problems);
        }
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
