using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.MailIndex;

/// <summary>A private, empty database for one test: a temporary SQLite file, or a fresh PostgreSQL schema.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly List<FollowUpDbContext> contexts = [];
    private readonly string? sqliteFile;
    private readonly string? schema;

    private TestDatabase(StorageProvider provider, string connectionString, string? sqliteFile, string? schema)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.schema = schema;
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Creates the database and, unless told not to, brings it to the latest schema (the EF Core migrations).</summary>
    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, bool migrate = true)
    {
        TestDatabase db;
        if (provider == StorageProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"followups-test-{Guid.NewGuid():N}.db");
            db = new TestDatabase(provider, $"Data Source={file};Pooling=False", file, null);
        }
        else
        {
            var schema = $"t_{Guid.NewGuid():N}";
            await ExecuteAsync(TestPostgres.ConnectionString!, $"CREATE SCHEMA {schema}");
            var cs = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { SearchPath = schema }.ConnectionString;
            db = new TestDatabase(provider, cs, null, schema);
        }

        if (migrate)
        {
            await StorageMigrations.MigrateAsync(db.CreateContext(), CancellationToken.None);
        }

        return db;
    }

    internal FollowUpDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var context = StorageSetup.CreateContext(new StorageOptions { Provider = Provider, ConnectionString = ConnectionString }, interceptors);
        contexts.Add(context);
        return context;
    }

    /// <summary>A store over its own context, as one request scope would have.</summary>
    internal IThreadIndex CreateIndex(params IInterceptor[] interceptors) => new ThreadIndex(CreateContext(interceptors));

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }

        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }

        if (schema is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            await ExecuteAsync(TestPostgres.ConnectionString!, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
