using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Local;

/// <summary>Local mode with a pasted Graph token: its own mailbox in the data folder, and a refused token said as such.</summary>
public sealed class PastedTokenTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("followups-token-").FullName;

    [Fact]
    public async Task SampleFirst_ThenAPastedToken_ListsOnlyTheTokensMailbox()
    {
        using (var sample = new Host(_dataFolder, SampleMailbox.Create(Now), token: null))
        {
            var sampleThreads = await ThreadsAsync(sample);
            Assert.Contains(sampleThreads.Threads, t => t.Subject == "Budget numbers for the offsite");
        }

        using var real = new Host(_dataFolder, TokenMailbox(), Jwt("tenant-1", "object-1"));
        var threads = await ThreadsAsync(real);

        Assert.Equal(["Token mailbox: the signed contract?"], threads.Threads.Select(t => t.Subject));
        Assert.All(threads.Threads, t => Assert.DoesNotContain("contoso.com", string.Join(",", t.Counterparts), StringComparison.Ordinal));
    }

    [Fact]
    public void UserKeys_SampleAndEachPersonApart_SamePersonKeepsTheirs_TokenNeverInTheKey()
    {
        var first = LocalMode.TokenUserKey(Jwt("tenant-1", "object-1"));
        var fresh = LocalMode.TokenUserKey(Jwt("tenant-1", "object-1", issuedAt: 42));
        var other = LocalMode.TokenUserKey(Jwt("tenant-1", "object-2"));

        Assert.Equal(first, fresh);
        Assert.NotEqual(first, other);
        Assert.NotEqual(LocalMode.SampleUserKey, first);
        Assert.StartsWith("local:token:", first, StringComparison.Ordinal);
        Assert.DoesNotContain("object-1", first, StringComparison.Ordinal);
        Assert.StartsWith("local:token:", LocalMode.TokenUserKey("opaque-token"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedToken_Is401SayingSo_AndHealthIsNotReady()
    {
        using var host = new Host(_dataFolder, TokenMailbox(), Jwt("tenant-1", "object-1"));
        host.Graph.Faults.Next(GraphMatch.Any, Fault.Status(HttpStatusCode.Unauthorized), times: 100);
        using var client = host.CreateClient();

        using var threads = await client.GetAsync(new Uri("/api/threads", UriKind.Relative));
        var problem = await threads.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Unauthorized, threads.StatusCode);
        Assert.Equal(PastedToken.RejectedTitle, problem.GetProperty("title").GetString());
        Assert.Contains("Graph__AccessToken", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(threads.Headers.Contains("Retry-After"));

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var health = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("token rejected", health.GetProperty("graph").GetString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    private static async Task<ThreadsBody> ThreadsAsync(Host host)
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/threads", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ThreadsBody>(LocalApiHost.Json))!;
    }

    private static InMemoryMailbox TokenMailbox()
    {
        var mailbox = new InMemoryMailbox("pat@adatum.example");
        mailbox.Put("sentitems", new InMemoryMessage
        {
            Id = "AAMkToken001=",
            InternetMessageId = "<token-001@adatum.example>",
            ConversationId = "AAQkToken-contract=",
            Subject = "Token mailbox: the signed contract?",
            From = new("pat@adatum.example", "Pat"),
            To = [new("lee@fabrikam.example", "Lee")],
            SentDateTime = Now.AddHours(-72),
            ReceivedDateTime = Now.AddHours(-72),
        });
        return mailbox;
    }

    /// <summary>A token shaped like Graph Explorer's (unsigned here: only its payload names the mailbox).</summary>
    private static string Jwt(string tid, string oid, int issuedAt = 1) =>
        $"{Part("""{"typ":"JWT","alg":"RS256"}""")}.{Part($$"""{"tid":"{{tid}}","oid":"{{oid}}","iat":{{issuedAt}}}""")}.c2lnbmF0dXJl";

    private static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class Host(string dataFolder, InMemoryMailbox mailbox, string? token) : WebApplicationFactory<Program>
    {
        public InMemoryGraphHandler Graph { get; } = new(mailbox);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:DataFolder", dataFolder);
            if (token is not null)
            {
                builder.UseSetting("Graph:AccessToken", token);
            }

            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
                services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => Graph);
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                Graph.Dispose();
            }
        }
    }
}
