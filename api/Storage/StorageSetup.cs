using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OutlookFollowUp.Storage;

/// <summary>Storage options, the EF context for the configured provider, and the schema brought up to date at start.</summary>
public static class StorageSetup
{
    public const string ConnectionStringName = "FollowUps";

    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration("Storage")
            .Configure<IHostEnvironment>((options, environment) =>
                options.ConnectionString = configuration.GetConnectionString(ConnectionStringName)
                    ?? (options.Provider == StorageProvider.Sqlite ? DefaultSqlite(environment, options) : null))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StorageWriteFaults>();
        // Pooled: a request leases a context instead of building one and its services (the thread list's read path).
        services.AddDbContextPool<SqliteFollowUpDbContext>((sp, builder) => UseStorage(builder, Options(sp)).AddInterceptors(sp.GetRequiredService<StorageWriteFaults>()));
        services.AddDbContextPool<PostgresFollowUpDbContext>((sp, builder) => UseStorage(builder, Options(sp)).AddInterceptors(sp.GetRequiredService<StorageWriteFaults>()));
        // The provider is known only once configuration is final (tests override it), so the choice is made per scope.
        services.AddScoped<FollowUpDbContext>(sp => Options(sp).Provider == StorageProvider.Postgres
            ? sp.GetRequiredService<PostgresFollowUpDbContext>()
            : sp.GetRequiredService<SqliteFollowUpDbContext>());
        services.AddHostedService<StorageMigrationService>();
        return services;
    }

    internal static DbContextOptionsBuilder UseStorage(DbContextOptionsBuilder builder, StorageOptions options) =>
        (options.Provider == StorageProvider.Postgres
            ? PostgresEntraAuthentication.Applies(options.ConnectionString)
                ? builder.UseNpgsql(PostgresEntraAuthentication.DataSource(WithAutoPrepare(options.ConnectionString)!))
                : builder.UseNpgsql(WithAutoPrepare(options.ConnectionString))
            : builder.UseSqlite(options.ConnectionString).AddInterceptors(SqliteConnectionSetup.Instance))
        .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Npgsql prepares a statement on the server once it has run twice (<c>Max Auto Prepare</c>, off by default): the
    /// hot reads then skip PostgreSQL's planning, which costs more than running them (the thread list's join: 0.7 ms
    /// planning, 0.1 ms execution). A connection string that sets its own non-zero value keeps it.
    /// </summary>
    internal static string? WithAutoPrepare(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 32;
        }

        return builder.ConnectionString;
    }

    /// <summary>A context outside DI (tests, tools) for the given storage.</summary>
    internal static FollowUpDbContext CreateContext(StorageOptions options, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        options.Provider == StorageProvider.Postgres
            ? new PostgresFollowUpDbContext((DbContextOptions<PostgresFollowUpDbContext>)UseStorage(new DbContextOptionsBuilder<PostgresFollowUpDbContext>(), options).AddInterceptors(interceptors).Options)
            : new SqliteFollowUpDbContext((DbContextOptions<SqliteFollowUpDbContext>)UseStorage(new DbContextOptionsBuilder<SqliteFollowUpDbContext>(), options).AddInterceptors(interceptors).Options);

    private static StorageOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static string DefaultSqlite(IHostEnvironment environment, StorageOptions options)
    {
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DataFolder));
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "followups.db")}";
    }
}

/// <summary>
/// Brings the schema up to date before the server takes requests (hosted services start before Kestrel), and checks that
/// the database takes writes: a read-only one stops the start rather than fail every write later. Its context is made
/// outside DI, so a database that fails here is said once, in the start's one line, not also in EF Core's logs.
/// </summary>
internal sealed class StorageMigrationService(IOptions<StorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            return;
        }

        try
        {
            await using var db = StorageSetup.CreateContext(options.Value);
            await StorageMigrations.MigrateAsync(db, cancellationToken);
            await StorageWrites.ProbeAsync(db, cancellationToken);
        }
        catch (Exception e) when (StorageStart.Describe(e, options.Value) is { } line)
        {
            throw new StorageStartException(line, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Design-time factories for <c>dotnet ef migrations add</c> (see docs/storage.md); the connection is never opened.</summary>
internal sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteFollowUpDbContext>
{
    public SqliteFollowUpDbContext CreateDbContext(string[] args) =>
        (SqliteFollowUpDbContext)StorageSetup.CreateContext(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = "Data Source=design.db" });
}

internal sealed class PostgresDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresFollowUpDbContext>
{
    public PostgresFollowUpDbContext CreateDbContext(string[] args) =>
        (PostgresFollowUpDbContext)StorageSetup.CreateContext(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=localhost;Database=design" });
}
