using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Background;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Mail.Sample;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Bench;

/// <summary>
/// The due sweep at scale: 10,000 due reminders across 1,000 mailboxes, swept once by one instance against the
/// in-process Graph-compatible server through the app's Graph pipeline (whatever the adapter does: one request per
/// call, or <c>$batch</c>). Figures: wall time, HTTP requests to Graph per reminder (by method), the managed heap's
/// peak above where it stood before the sweep. SQLite always; PostgreSQL too when FOLLOWUP_TEST_POSTGRES is set.
/// Run: dotnet run -c Release --project bench -- due-sweep
/// </summary>
internal static class DueSweepFigures
{
    private const int Mailboxes = 1_000;
    private const int PerMailbox = 10;

    public static async Task RunAsync(TextWriter output)
    {
        output.WriteLine("| database | reminders / mailboxes | wall time | of which in the Graph test server | Graph requests | per reminder | GET / PATCH / POST ($batch) | peak heap above start | allocated |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|");
        await RunOnAsync(output, StorageProvider.Sqlite);
        if (Environment.GetEnvironmentVariable("FOLLOWUP_TEST_POSTGRES") is { Length: > 0 })
        {
            await RunOnAsync(output, StorageProvider.Postgres);
        }
    }

    private static async Task RunOnAsync(TextWriter output, StorageProvider provider)
    {
        await using var database = await BenchDatabase.CreateAsync(provider);
        var time = new ManualClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var mailbox = new InMemoryMailbox("me@contoso.com");
        using var counting = new CountingHandler(new InMemoryGraphHandler(mailbox));
        await using var graph = BenchGraph.Services(counting);
        var mailboxes = new LocalMailboxes(graph.GetRequiredService<GraphClientFactory>());
        await SeedAsync(database, mailbox, time.GetUtcNow());
        time.Now = time.Now.AddHours(2);

        var sweep = BenchSweep.Create(database, mailboxes, time, new BackgroundOptions());

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var peak = new HeapPeak();
        var clock = Stopwatch.StartNew();
        var counts = await sweep.RunOnceAsync(CancellationToken.None);
        var wall = clock.Elapsed;
        var peakHeap = peak.Stop() - heapBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var total = Mailboxes * PerMailbox;
        if (counts.Flagged != total)
        {
            throw new InvalidOperationException($"The sweep flagged {counts.Flagged} of {total} reminders.");
        }

        output.WriteLine(FormattableString.Invariant(
            $"| {provider} | {total:N0} / {Mailboxes:N0} | {wall.TotalSeconds:F1} s | {counting.ServerTime.TotalSeconds:F1} s | {counting.Total:N0} | {(double)counting.Total / total:F2} | {counting.Gets:N0} / {counting.Patches:N0} / {counting.Posts:N0} | {peakHeap / 1048576.0:F0} MB | {allocated / 1048576.0:F0} MB |"));
    }

    private static async Task SeedAsync(BenchDatabase database, InMemoryMailbox mailbox, DateTimeOffset now)
    {
        await using var context = database.CreateContext();
        var index = new ThreadIndex(context);
        for (var m = 0; m < Mailboxes; m++)
        {
            var user = $"tenant:user-{m}";
            await index.SetMailboxAsync(user, ["me@contoso.com"], "UTC", CancellationToken.None);
            for (var r = 0; r < PerMailbox; r++)
            {
                var id = $"AAMk-{m}-{r}=";
                mailbox.Put("sentitems", new InMemoryMessage
                {
                    Id = id,
                    InternetMessageId = $"<{m}-{r}@bench>",
                    ConversationId = $"conv-{m}-{r}",
                    Subject = $"Quote {m}-{r}",
                    From = new InMemoryAddress("me@contoso.com"),
                    To = [new InMemoryAddress($"buyer{m}@fabrikam.com")],
                    ReceivedDateTime = now.AddDays(-2),
                    SentDateTime = now.AddDays(-2),
                    ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" },
                });
                context.Set<ReminderRow>().Add(new ReminderRow
                {
                    UserKey = user,
                    Id = $"{m:D4}{r:D4}".PadLeft(32, '0'),
                    MessageId = id,
                    InternetMessageId = $"<{m}-{r}@bench>",
                    ThreadKey = $"conv-{m}-{r}",
                    Subject = $"Quote {m}-{r}",
                    CreatedAt = now.AddDays(-2),
                    RemindAt = now.AddHours(1),
                    SweepAt = now.AddHours(1),
                });
            }
        }

        await context.SaveChangesAsync();
    }

    /// <summary>HTTP requests as Graph would receive them (a $batch is one).</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _gets, _patches, _posts;

        public int Gets => _gets;

        public int Patches => _patches;

        public int Posts => _posts;

        public int Total => _gets + _patches + _posts;

        /// <summary>Time spent answering inside the in-process server (the sweep handles one mailbox at a time, so it adds up).</summary>
        public TimeSpan ServerTime => TimeSpan.FromTicks(Interlocked.Read(ref _serverTicks));

        private long _serverTicks;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref request.Method == HttpMethod.Get ? ref _gets : ref request.Method == HttpMethod.Patch ? ref _patches : ref _posts);
            var started = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Content is not null)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
            }

            Interlocked.Add(ref _serverTicks, Stopwatch.GetElapsedTime(started).Ticks);
            return response;
        }
    }

    /// <summary>Samples the managed heap every 5 ms while the sweep runs.</summary>
    private sealed class HeapPeak : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public HeapPeak() => _timer = new Timer(_ => Sample(), null, 0, 5);

        public long Stop()
        {
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            Sample();
            return Interlocked.Read(ref _peak);
        }

        private void Sample()
        {
            var now = GC.GetTotalMemory(forceFullCollection: false);
            for (var seen = Interlocked.Read(ref _peak); now > seen; seen = Interlocked.Read(ref _peak))
            {
                if (Interlocked.CompareExchange(ref _peak, now, seen) == seen)
                {
                    return;
                }
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}

/// <summary>An empty, migrated database for one run: a temporary SQLite file, or a fresh PostgreSQL schema.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly StorageOptions _options;
    private readonly string? _schema;
    private readonly List<FollowUpDbContext> _contexts = [];

    private BenchDatabase(StorageOptions options, string? schema) => (_options, _schema) = (options, schema);

    public static async Task<BenchDatabase> CreateAsync(StorageProvider provider)
    {
        BenchDatabase database;
        if (provider == StorageProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"followups-bench-{Guid.NewGuid():N}.db");
            database = new BenchDatabase(new StorageOptions { Provider = provider, ConnectionString = $"Data Source={file}" }, null);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("FOLLOWUP_TEST_POSTGRES")!;
            var schema = $"bench_{Guid.NewGuid():N}";
            await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
            database = new BenchDatabase(new StorageOptions { Provider = provider, ConnectionString = connection }, schema);
        }

        await StorageMigrations.MigrateAsync(database.CreateContext(), CancellationToken.None);
        return database;
    }

    /// <param name="owned">The caller disposes it (a context per mailbox of a sweep); else it lives as long as the database.</param>
    public FollowUpDbContext CreateContext(bool owned = false)
    {
        var context = StorageSetup.CreateContext(_options);
        if (!owned)
        {
            _contexts.Add(context);
        }

        return context;
    }

    /// <summary>The storage settings an instance of the app would have for this database.</summary>
    public StorageOptions Options => _options;

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        if (_schema is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(Environment.GetEnvironmentVariable("FOLLOWUP_TEST_POSTGRES")!, $"DROP SCHEMA {_schema} CASCADE");
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_options.ConnectionString).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
