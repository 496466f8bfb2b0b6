using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Tests.Storage;

/// <summary>
/// A database that stops taking writes mid-run (a read-only file or replica, a full disk): every write answers 503
/// ProblemDetails, none claims a success that was not stored, and readiness says so until writes work again.
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class StorageWriteFaultTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task While_the_database_takes_no_writes_writes_answer_503_and_nothing_claims_success(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        using var host = new ReadOnlyDatabaseHost(database);
        using var client = host.CreateClient();
        var key = Uri.EscapeDataString(Base64Mailbox.Keys[0]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/threads")).StatusCode);

        host.ReadOnly.On = true;
        using var dismiss = await client.PostAsync($"/api/threads/{key}/dismiss", null);
        using var reminder = await client.PostAsJsonAsync("/api/reminders", new { messageId = "AAMkMsg0-x_y=", afterHours = 24 });
        using var notReady = await client.GetAsync("/health/ready");

        foreach (var (name, response) in new[] { ("dismiss", dismiss), ("reminder", reminder) })
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((name, HttpStatusCode.ServiceUnavailable, "application/problem+json"), (name, response.StatusCode, response.Content.Headers.ContentType?.MediaType));
            Assert.Equal("The follow-up database cannot store changes.", problem.GetProperty("title").GetString());
            Assert.NotNull(response.Headers.RetryAfter);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("takes no writes", (await notReady.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        host.ReadOnly.On = false;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var threads = await client.GetFromJsonAsync<JsonElement>("/api/threads");
        Assert.Contains(threads.GetProperty("threads").EnumerateArray(), t => t.GetProperty("threadKey").GetString() == Base64Mailbox.Keys[0]);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/reminders")).GetProperty("reminders").EnumerateArray());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_database_that_takes_no_writes_at_start_stops_it_with_one_line(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var readOnly = provider == StorageProvider.Sqlite
            ? database.ConnectionString + ";Mode=ReadOnly"
            : database.ConnectionString + ";Options=-c default_transaction_read_only=on";

        var (code, stdout, stderr) = await RepositoryFiles.RunAsync("dotnet", [Path.Combine(RepositoryFiles.ApiOutput, "OutlookFollowUp.Api.dll")],
            RepositoryFiles.ApiOutput, new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["AzureAd__ClientId"] = null,
                ["Storage__Provider"] = provider.ToString(),
                ["ConnectionStrings__FollowUps"] = readOnly,
            }, timeoutSeconds: 60);

        var expected = provider == StorageProvider.Sqlite ? "is read-only" : "accepts no writes";
        Assert.True(code == 1 && stderr.Split('\n') is [var line] && line.Contains(expected, StringComparison.Ordinal)
            && !(stdout + stderr).Contains("   at ", StringComparison.Ordinal), $"{code}: {stdout}\n{stderr}");
    }

    [Fact]
    public async Task A_full_disk_marks_writes_failing_until_a_write_succeeds()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var faults = new StorageWriteFaults();
        var full = new FullDiskSwitch { On = true };
        await using var db = database.CreateContext(faults, full);

        // A note longer than a page needs new pages, which a database at its page limit cannot have: SQLite's "disk is full".
        db.Set<OutlookFollowUp.MailIndex.DismissalRow>().Add(new()
        {
            UserKey = "u", ThreadKey = "t", LastMessageAt = database.Time.GetUtcNow(), DismissedAt = database.Time.GetUtcNow(), Note = new string('n', 20_000),
        });
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        var failing = faults.Failing;
        full.On = false;
        await db.SaveChangesAsync();

        Assert.Equal((13, true, false), ((error.InnerException as SqliteException)?.SqliteErrorCode, failing, faults.Failing));
    }

    [Theory]
    [InlineData(8, true)] // read-only file or connection
    [InlineData(13, true)] // disk full
    [InlineData(19, false)] // a constraint: a bug or a race, not the database
    public void Which_SQLite_errors_mean_the_database_takes_no_writes(int code, bool refused)
    {
        var wrapped = new DbUpdateException("EF Core wraps it", new SqliteException("message", code));

        Assert.Equal((refused, refused), (StorageWrites.IsRefused(wrapped), StorageFailureHandler.Transient(wrapped) is not null));
    }

    /// <summary>Makes every connection of the app read-only while on (SQLite's query_only, PostgreSQL's read-only transactions).</summary>
    internal sealed class ReadOnlySwitch(StorageProvider provider) : DbConnectionInterceptor
    {
        public bool On { get; set; }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = provider == StorageProvider.Sqlite
                ? $"PRAGMA query_only = {(On ? 1 : 0)}"
                : $"SET default_transaction_read_only = {(On ? "on" : "off")}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
            ConnectionOpenedAsync(connection, eventData).GetAwaiter().GetResult();
    }

    /// <summary>Holds the database at its current size while on: SQLite's max_page_count, so a write needing a new page fails as on a full disk.</summary>
    private sealed class FullDiskSwitch : DbConnectionInterceptor
    {
        public bool On { get; set; }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA max_page_count = {(On ? 1 : 1_073_741_823)}"; // 1 is raised to the current size
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
            ConnectionOpenedAsync(connection, eventData).GetAwaiter().GetResult();
    }

    private sealed class ReadOnlyDatabaseHost(TestDatabase database)
        : Support.LocalAppFactory(Base64Mailbox.Create(), HardeningHost.Now, "followups-readonly-")
    {
        public ReadOnlySwitch ReadOnly { get; } = new(database.Provider);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:FollowUps", database.ConnectionString);
            builder.UseSetting("Sync:BackgroundWorker", "false");
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureDbContext<SqliteFollowUpDbContext>(o => o.AddInterceptors(ReadOnly));
                services.ConfigureDbContext<PostgresFollowUpDbContext>(o => o.AddInterceptors(ReadOnly));
            });
        }
    }
}
