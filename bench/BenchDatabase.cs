using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Bench;

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
