using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Local;

/// <summary>
/// Local mode: background work uses the pasted token until its <c>exp</c>, then records
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
        Assert.Equal((PastedToken.ExpiredTitle, "token expired"), (problem.GetProperty("title").GetString(), problem.GetProperty("graph").GetString()));
        Assert.Empty(host.Graph.Requests);
    }

    [Fact]
    public async Task An_expired_tokens_401_says_it_expired_and_never_that_Graph_refused_it()
    {
        using var host = new Host(_dataFolder, Jwt(expires: Now.AddMinutes(-1)));
        using var client = host.CreateClient();

        using var threads = await client.GetAsync(new Uri("/api/threads", UriKind.Relative));
        var problem = await threads.Content.ReadFromJsonAsync<JsonElement>();

        var (title, detail) = (problem.GetProperty("title").GetString()!, problem.GetProperty("detail").GetString()!);
        Assert.Equal("The pasted Graph token has expired.", title);
        Assert.Contains("expired at 2026-11-23 08:59 UTC", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", title + detail, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(host.Graph.Requests);
    }

    [Fact]
    public async Task Readiness_under_a_pasted_token_names_that_mailboxs_last_sync_not_the_samples()
    {
        using (var sample = new Host(_dataFolder, token: null))
        {
            using var sampleClient = sample.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await sampleClient.GetAsync(new Uri("/api/threads", UriKind.Relative))).StatusCode);
        }

        using var host = new Host(_dataFolder, Jwt(expires: Now.AddHours(1)));
        using var client = host.CreateClient();
        var before = await client.GetFromJsonAsync<JsonElement>(new Uri("/health/ready", UriKind.Relative));
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/threads", UriKind.Relative))).StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(JsonValueKind.Null, before.GetProperty("lastGraphSuccessAt").ValueKind);
        Assert.Equal(Now.AddMinutes(5), after.GetProperty("lastGraphSuccessAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Readiness_while_the_token_is_expired_logs_it_once()
    {
        var logs = new LogCollector();
        using var host = new Host(_dataFolder, Jwt(expires: Now.AddMinutes(-1)), logs);
        using var client = host.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        }

        var said = logs.Entries.Where(e => e.Level >= LogLevel.Warning
            && (e.Category.Contains("Health", StringComparison.Ordinal) || e.Message.Contains("expired", StringComparison.Ordinal))).ToList();
        Assert.True(said is [var once] && once.Message.Contains("token expired", StringComparison.Ordinal), string.Join("\n", said));
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

    /// <summary>Every log entry of the app, as the console would print them.</summary>
    private sealed class LogCollector : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCollector owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((logLevel, category, $"{category}: {formatter(state, exception)}"));
        }
    }

    /// <param name="token">Null runs the sample mailbox (in the same data folder).</param>
    private sealed class Host(string dataFolder, string? token, ILoggerProvider? logs = null) : WebApplicationFactory<Program>
    {
        public FakeTimeProvider Time { get; } = new(Now);

        public InMemoryGraphHandler Graph { get; } = new(Mailbox());

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
                if (logs is not null)
                {
                    services.AddSingleton(logs);
                }

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
