using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Local;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;
using IndexMail = OutlookFollowUp.Tests.MailIndex.Mail;

namespace OutlookFollowUp.Tests.Threads;

/// <summary>What the uncached thread list costs the database, counted by an EF Core command interceptor.</summary>
[Trait("Needs", "Postgres")]
public sealed class ThreadListQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Uncached_thread_list_takes_two_queries_threads_with_dismissals_and_reminders()
    {
        var counter = new CommandCounter();
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var app = host.WithWebHostBuilder(b =>
        {
            b.UseSetting("ThreadsCache:TimeToLive", "00:00:00");
            b.ConfigureTestServices(s => s.ConfigureDbContext<SqliteFollowUpDbContext>(o => o.AddInterceptors(counter)));
        });
        using var client = app.CreateClient();
        using var first = await client.GetAsync(new Uri("/api/threads", UriKind.Relative)); // the first open syncs
        first.EnsureSuccessStatusCode();

        counter.Reset();
        using var second = await client.GetAsync(new Uri("/api/threads", UriKind.Relative));
        second.EnsureSuccessStatusCode();

        Assert.Equal(2, counter.Count); // the effective settings come from the settings cache
    }

    [Fact]
    public async Task A_settings_or_policy_write_is_seen_by_the_next_uncached_list_in_the_same_process()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var app = host.WithWebHostBuilder(b => b.UseSetting("ThreadsCache:TimeToLive", "00:00:00"));
        using var client = app.CreateClient();
        var before = await CounterpartsAsync(client);
        var sender = before.First(c => c.Count > 0)[0];
        var domain = before.SelectMany(c => c).Select(a => a[(a.LastIndexOf('@') + 1)..])
            .First(d => !sender.EndsWith("@" + d, StringComparison.OrdinalIgnoreCase));

        // HybridCache stamps entries and tag removals with the app's clock: a tick apart, so the entry read after a
        // write is a live one and the next write must really drop it.
        host.Clock.Advance(TimeSpan.FromSeconds(1));

        using var settings = await client.PutAsJsonAsync(new Uri("/api/settings", UriKind.Relative), new
        {
            windowHours = 48, businessDays = false, timeZone = (string?)null, lookbackDays = 14,
            excludedSenders = new[] { sender }, excludedDomains = Array.Empty<string>(), setOutlookFlags = true,
        });
        settings.EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterSettings = await CounterpartsAsync(client);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        using var policy = await client.PutAsJsonAsync(new Uri("/api/admin/policy", UriKind.Relative), new
        {
            defaultWindowHours = 48, minWindowHours = 24, maxWindowHours = 48, excludedDomains = new[] { domain }, retentionDays = 180,
        });
        policy.EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterPolicy = await CounterpartsAsync(client);

        Assert.Contains(before, c => c.Count > 0 && c.All(a => a.Equals(sender, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(afterSettings, c => c.Count > 0 && c.All(a => a.Equals(sender, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(afterSettings, c => c.Count > 0 && c.All(a => a.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(afterPolicy, c => c.Count > 0 && c.All(a => a.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<List<List<string>>> CounterpartsAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/threads?top=100", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("threads").EnumerateArray()
            .Select(i => i.GetProperty("counterparts").EnumerateArray().Select(a => a.GetString()!).ToList())];
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task GetThreads_reads_times_threads_and_dismissals_in_one_command(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string user = "tid:oid";
        await db.CreateIndex().ReplaceThreadsAsync(user,
            [IndexMail.Thread("a", FollowUpDirection.Theirs, IndexMail.Monday), IndexMail.Thread("b", FollowUpDirection.Mine, IndexMail.Monday.AddHours(1))], IndexMail.Monday, CancellationToken.None);
        await new DismissalStore(db.CreateContext(), db.Time).DismissAsync(user, "b", CancellationToken.None);
        var counter = new CommandCounter();

        var read = await db.CreateIndex(counter).GetThreadsAsync(user, null, CancellationToken.None);

        Assert.Equal(1, counter.Count);
        Assert.Equal(["a", "b"], read.Threads.Select(t => t.ThreadKey));
        Assert.Equal(IndexMail.Monday, read.ComputedAt);
        Assert.Equal(IndexMail.Monday.AddHours(1), Assert.Single(read.DismissedUpTo!).Value);
    }

    [Theory]
    [InlineData("Host=db;Username=u", 32)]
    [InlineData("Host=db;Username=u;Max Auto Prepare=5", 5)]
    public void Postgres_connections_prepare_the_hot_statements_unless_told_otherwise(string connectionString, int expected)
    {
        var prepared = new Npgsql.NpgsqlConnectionStringBuilder(StorageSetup.WithAutoPrepare(connectionString));

        Assert.Equal(expected, prepared.MaxAutoPrepare);
        Assert.Equal("db", prepared.Host);
    }
}
