using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OutlookFollowUp.Index;

/// <summary>The thread index feature: storage options, the EF context, <see cref="IThreadIndex"/>, and schema upgrade at start.</summary>
public static class ThreadIndexSetup
{
    public const string ConnectionStringName = "FollowUps";

    public static IServiceCollection AddThreadIndex(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration("Storage")
            .Configure<IHostEnvironment>((options, environment) =>
                options.ConnectionString = configuration.GetConnectionString(ConnectionStringName)
                    ?? (options.Provider == StorageProvider.Sqlite ? DefaultSqlite(environment, options) : null))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<FollowUpDbContext>((sp, builder) => UseStorage(builder, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddScoped<IThreadIndex, ThreadIndex>();
        services.AddHostedService<ThreadIndexSchemaService>();
        return services;
    }

    internal static DbContextOptionsBuilder UseStorage(DbContextOptionsBuilder builder, StorageOptions options) =>
        options.Provider == StorageProvider.Postgres
            ? Hosting.PostgresEntraAuthentication.Applies(options.ConnectionString) ? builder.UseNpgsql(Hosting.PostgresEntraAuthentication.DataSource(options.ConnectionString!)) : builder.UseNpgsql(options.ConnectionString)
            : builder.UseSqlite(options.ConnectionString);

    private static string DefaultSqlite(IHostEnvironment environment, StorageOptions options)
    {
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DataFolder));
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "followups.db")}";
    }
}

/// <summary>Brings the schema up to date before the server takes requests (hosted services start before Kestrel).</summary>
internal sealed class ThreadIndexSchemaService(IServiceScopeFactory scopes, IOptions<StorageOptions> options, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        await SchemaMigrator.MigrateAsync(db, SchemaMigrations.All, time, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
