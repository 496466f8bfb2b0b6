using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;
using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Reminders;

/// <summary>
/// Eight clients of one user write reminders at once (create → snooze → done → delete), on SQLite and on PostgreSQL.
/// No write may fail with a 5xx ("database is locked", a serialization failure, a row removed meanwhile), and the final
/// state is what the writes say: every reminder gone.
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class ReminderConcurrencyTests(ITestOutputHelper output)
{
    private const int Clients = 8;
    private const int Rounds = 12;

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Eight_clients_writing_reminders_at_once_never_see_a_5xx_and_leave_a_consistent_state(StorageProvider provider)
    {
        await using var storage = await AppStorage.CreateAsync(provider);
        using var app = new ApiApplication
        {
            Local = true,
            Settings = storage.Settings,
            TestServices = services => services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => new InMemoryGraphHandler(SampleMailbox.Create(ApiApplication.Start))),
        };
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(string Step, HttpStatusCode Status)>();
        // One server before the clients race: WebApplicationFactory would otherwise start a host per client, all migrating at once.
        using (app.CreateClient(token: null))
        {
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var client = app.CreateClient(token: null);
            for (var round = 0; round < Rounds; round++)
            {
                using var created = await client.PostAsJsonAsync("/api/reminders", new { messageId = $"msg-{c}-{round}", afterHours = 24 });
                statuses.Add(("create", created.StatusCode));
                if (created.StatusCode != HttpStatusCode.Created)
                {
                    continue;
                }

                var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
                using var snoozed = await client.PatchAsJsonAsync($"/api/reminders/{id}", new { remindAt = ApiApplication.Start.AddDays(3) });
                statuses.Add(("snooze", snoozed.StatusCode));
                using var done = await client.PostAsJsonAsync($"/api/reminders/{id}/done", new { });
                statuses.Add(("done", done.StatusCode));
                using var deleted = await client.DeleteAsync(new Uri($"/api/reminders/{id}", UriKind.Relative));
                statuses.Add(("delete", deleted.StatusCode));
            }
        })));
        await app.Services.GetRequiredService<ReminderFlagQueue>().WhenIdleAsync(CancellationToken.None);
        using var check = app.CreateClient(token: null);
        var left = (await check.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/reminders")).GetProperty("reminders").GetArrayLength();

        var failures = statuses.Where(s => (int)s.Status >= 500).ToList();
        output.WriteLine($"{provider}: {statuses.Count} requests, {failures.Count} 5xx, {left} reminders left");
        Assert.Empty(failures);
        Assert.Equal(Clients * Rounds * 4, statuses.Count(s => s.Status is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.NoContent));
        Assert.Equal(0, left);
    }

    /// <summary>
    /// Eight clients on the same few reminders: each creates one of three messages' reminder, then snoozes, completes and
    /// deletes whatever id it got, while the others do the same to that id. A reminder changed or removed meanwhile is a
    /// 404 or 409 ProblemDetails, never a 5xx; every reminder is gone at the end (its creator deleted it, or another did).
    /// </summary>
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Eight_clients_racing_on_the_same_reminders_get_404_or_409_never_a_5xx(StorageProvider provider)
    {
        await using var storage = await AppStorage.CreateAsync(provider);
        using var app = new ApiApplication
        {
            Local = true,
            Settings = storage.Settings,
            TestServices = services => services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => new InMemoryGraphHandler(SampleMailbox.Create(ApiApplication.Start))),
        };
        using (app.CreateClient(token: null))
        {
        }

        var answers = new System.Collections.Concurrent.ConcurrentBag<(string Step, HttpStatusCode Status, string? MediaType)>();
        async Task SendAsync(string step, Task<HttpResponseMessage> request)
        {
            using var response = await request;
            answers.Add((step, response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var client = app.CreateClient(token: null);
            for (var round = 0; round < Rounds; round++)
            {
                using var created = await client.PostAsJsonAsync("/api/reminders", new { messageId = $"shared-{round % 3}", afterHours = 24 });
                answers.Add(("create", created.StatusCode, created.Content.Headers.ContentType?.MediaType));
                if (!created.IsSuccessStatusCode)
                {
                    continue;
                }

                var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
                await SendAsync("snooze", client.PatchAsJsonAsync($"/api/reminders/{id}", new { remindAt = ApiApplication.Start.AddDays(3 + c) }));
                await SendAsync("done", client.PostAsJsonAsync($"/api/reminders/{id}/done", new { }));
                await SendAsync("delete", client.DeleteAsync(new Uri($"/api/reminders/{id}", UriKind.Relative)));
            }
        })));
        await app.Services.GetRequiredService<ReminderFlagQueue>().WhenIdleAsync(CancellationToken.None);
        using var check = app.CreateClient(token: null);
        var left = (await check.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/reminders")).GetProperty("reminders").GetArrayLength();

        output.WriteLine($"{provider}: " + string.Join(", ", answers.GroupBy(a => $"{a.Step} {(int)a.Status}").OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.DoesNotContain(answers, a => (int)a.Status >= 500);
        Assert.All(answers.Where(a => a.Step == "create"), a => Assert.Contains(a.Status, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.All(answers.Where(a => a.Step == "snooze"), a => Assert.Contains(a.Status, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Conflict }));
        Assert.All(answers.Where(a => a.Step == "done"), a => Assert.Contains(a.Status, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound }));
        Assert.All(answers.Where(a => a.Step == "delete"), a => Assert.Contains(a.Status, new[] { HttpStatusCode.NoContent, HttpStatusCode.NotFound }));
        Assert.All(answers.Where(a => a.Status is HttpStatusCode.NotFound or HttpStatusCode.Conflict), a => Assert.Equal("application/problem+json", a.MediaType));
        Assert.Equal(Clients * Rounds, answers.Count(a => a.Step == "create"));
        Assert.Equal(0, left);
    }
}

/// <summary>The app's database for one test: its default SQLite file, or a fresh PostgreSQL schema (the app migrates it).</summary>
internal sealed class AppStorage : IAsyncDisposable
{
    private readonly TestDatabase? _database;

    private AppStorage(IReadOnlyDictionary<string, string> settings, TestDatabase? database)
    {
        Settings = settings;
        _database = database;
    }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public static async Task<AppStorage> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            return new AppStorage(new Dictionary<string, string>(), null);
        }

        var database = await TestDatabase.CreateAsync(StorageProvider.Postgres, migrate: false);
        return new AppStorage(
            new Dictionary<string, string> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:FollowUps"] = database.ConnectionString }, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            // The app's pool uses its own connection string (auto-prepare added): clear every pool before the schema goes.
            NpgsqlConnection.ClearAllPools();
            await _database.DisposeAsync();
        }
    }
}
