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
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Mail.Sample;
using OutlookFollowUp.Threads;
using OutlookFollowUp.Tests.Graph;

namespace OutlookFollowUp.Tests.Local;

/// <summary>
/// Issue 11, point 4 (local mode): background work uses the pasted token until its <c>exp</c>, then records
/// <c>graph_token_expired</c> without calling Graph, and the thread list says so in <c>lastErrorCode</c>.
/// </summary>
public sealed class PastedTokenExpiryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("followups-expiry-").FullName;

    [Fact]
    public async Task Past_its_exp_the_token_is_recorded_as_expired_with_no_Graph_call_and_the_list_says_so()
    {
        var token = Jwt(expires: Now.AddHours(1));
        using var host = new Host(_dataFolder, token);
        using var client = host.CreateClient();
        var refresher = host.Services.GetRequiredService<MailboxRefresher>();
        var key = LocalMode.TokenUserKey(token);

        var before = await refresher.RefreshAsync(key);
        var callsBefore = host.Graph.Requests.Count;
        host.Time.Advance(TimeSpan.FromHours(1));
        var after = await refresher.RefreshAsync(key);
        var callsAfter = host.Graph.Requests.Count;
        using var threads = await client.GetAsync(new Uri("/api/threads", UriKind.Relative));
        var body = await threads.Content.ReadFromJsonAsync<JsonElement>();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var health = await ready.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((true, false), (before, after));
        Assert.True(callsBefore > 0);
        Assert.Equal(callsBefore, callsAfter);
        Assert.Equal(HttpStatusCode.OK, threads.StatusCode);
        Assert.Equal((true, PastedTokenSource.Expired), (body.GetProperty("stale").GetBoolean(), body.GetProperty("lastErrorCode").GetString()));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "token expired"), (ready.StatusCode, health.GetProperty("graph").GetString()));
    }

    [Fact]
    public async Task A_first_open_with_an_expired_token_answers_401_token_expired()
    {
        using var host = new Host(_dataFolder, Jwt(expires: Now.AddMinutes(-1)));
        using var client = host.CreateClient();

        using var threads = await client.GetAsync(new Uri("/api/threads", UriKind.Relative));
        var problem = await threads.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, threads.StatusCode);
        Assert.Equal((PastedToken.Title, "token expired"), (problem.GetProperty("title").GetString(), problem.GetProperty("graph").GetString()));
        Assert.Empty(host.Graph.Requests);
    }

    [Theory]
    [InlineData("opaque-token")]
    [InlineData("a.bm90IGpzb24.c2ln")]
    public void A_token_without_a_readable_exp_is_used_until_Graph_refuses_it(string token) =>
        Assert.Null(PastedTokenSource.ExpiryOf(token));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    private static string Jwt(DateTimeOffset expires) =>
        $"{Part("""{"typ":"JWT","alg":"RS256"}""")}.{Part($$"""{"tid":"tenant-1","oid":"object-1","exp":{{expires.ToUnixTimeSeconds()}}}""")}.c2lnbmF0dXJl";

    private static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class Host(string dataFolder, string token) : WebApplicationFactory<Program>
    {
        public FakeTimeProvider Time { get; } = new(Now);

        public FakeGraph Graph { get; } = new(Mailbox());

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:DataFolder", dataFolder);
            builder.UseSetting("Graph:AccessToken", token);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
                services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => Graph);
            });
        }

        private static InMemoryMailbox Mailbox()
        {
            var mailbox = new InMemoryMailbox("pat@adatum.example");
            mailbox.Put("sentitems", new InMemoryMessage
            {
                Id = "AAMkExpiry001=",
                InternetMessageId = "<expiry-001@adatum.example>",
                ConversationId = "AAQkExpiry-contract=",
                Subject = "The signed contract?",
                From = new("pat@adatum.example", "Pat"),
                To = [new("lee@fabrikam.example", "Lee")],
                SentDateTime = Now.AddHours(-72),
                ReceivedDateTime = Now.AddHours(-72),
            });
            return mailbox;
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
