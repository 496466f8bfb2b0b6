using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// The real app in local mode on Kestrel at 127.0.0.1 (a browser cannot reach TestServer), with its own SQLite folder,
/// a fake clock and the fake Graph as its only outbound transport.
/// </summary>
public sealed class PaneHost : LocalAppFactory
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Extra configuration (a pasted Graph token, say).</param>
    public PaneHost(InMemoryMailbox mailbox, DateTimeOffset now, IReadOnlyDictionary<string, string>? settings = null)
        : base(mailbox, now, "followups-pane-")
    {
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient { BaseAddress = BaseUrl };
    }

    public Uri BaseUrl { get; }

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

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void DisposeOwned() => Http.Dispose();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
