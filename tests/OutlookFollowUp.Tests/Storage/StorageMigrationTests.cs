using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Storage;

/// <summary>EF Core migrations on both providers, from scratch and from the hand-written schema that came before.</summary>
[Trait("Needs", "Postgres")]
public sealed class StorageMigrationTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrate_Twice_SecondRunIsANoOp(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);

        await StorageMigrations.MigrateAsync(db.CreateContext(), Ct);
        var before = await SchemaFingerprint.ReadAsync(db.CreateContext());
        await StorageMigrations.MigrateAsync(db.CreateContext(), Ct);

        var context = db.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal(before, await SchemaFingerprint.ReadAsync(db.CreateContext()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrate_FromScratch_MatchesTheModel(StorageProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var fromModel = await TestDatabase.CreateAsync(provider, migrate: false);
        var context = fromModel.CreateContext();
        await context.Database.ExecuteSqlRawAsync(context.Database.GenerateCreateScript(), Ct);

        Assert.Equal(await SchemaFingerprint.ReadAsync(fromModel.CreateContext()), await SchemaFingerprint.ReadAsync(migrated.CreateContext()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrate_LegacySchema_EndsExactlyAsAFreshDatabase(StorageProvider provider)
    {
        await using var fresh = await TestDatabase.CreateAsync(provider);
        await using var legacy = await LegacyDatabaseAsync(provider);

        await StorageMigrations.MigrateAsync(legacy.CreateContext(), Ct);

        Assert.Equal(await SchemaFingerprint.ReadAsync(fresh.CreateContext()), await SchemaFingerprint.ReadAsync(legacy.CreateContext()));
        Assert.Equal(fresh.CreateContext().Database.GetMigrations(), await legacy.CreateContext().Database.GetAppliedMigrationsAsync(Ct));
        Assert.False(await TableExistsAsync(legacy.CreateContext(), "schema_version"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrate_LegacyVersion1_FailsClearlyAndChangesNothing(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await ExecuteAsync(db, LegacySchema.VersionTable, provider == StorageProvider.Postgres ? LegacySchema.V1Postgres : LegacySchema.V1Sqlite,
            "INSERT INTO schema_version (version, name, applied_at) VALUES (1, 'initial', '2026-01-01T00:00:00Z')");
        var before = await SchemaFingerprint.ReadAsync(db.CreateContext());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StorageMigrations.MigrateAsync(db.CreateContext(), Ct));

        Assert.Contains("schema version 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SchemaFingerprint.ReadAsync(db.CreateContext()));
    }

    [PostgresFact]
    public async Task Migrate_SeveralInstancesAtOnceOnALegacyDatabase_AllStartAndTheSchemaIsAdoptedOnce()
    {
        await using var db = await LegacyDatabaseAsync(StorageProvider.Postgres);
        var contexts = Enumerable.Range(0, 4).Select(_ => db.CreateContext()).ToArray();

        await Task.WhenAll(contexts.Select(c => Task.Run(() => StorageMigrations.MigrateAsync(c, Ct))));

        var context = db.CreateContext();
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync(Ct));
        Assert.False(await TableExistsAsync(context, "schema_version"));
    }

    /// <summary>An empty database as the hand-written migrator left it at version 2.</summary>
    internal static async Task<TestDatabase> LegacyDatabaseAsync(StorageProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider, migrate: false);
        var postgres = provider == StorageProvider.Postgres;
        await ExecuteAsync(db, LegacySchema.VersionTable,
            postgres ? LegacySchema.V1Postgres : LegacySchema.V1Sqlite,
            postgres ? LegacySchema.V2Postgres : LegacySchema.V2Sqlite,
            "INSERT INTO schema_version (version, name, applied_at) VALUES (1, 'initial', '2026-01-01T00:00:00Z'), (2, 'user data', '2026-01-01T00:00:00Z')");
        return db;
    }

    internal static async Task ExecuteAsync(TestDatabase db, params string[] statements)
    {
        await using var context = db.CreateContext();
        foreach (var sql in statements)
        {
            await context.Database.ExecuteSqlRawAsync(sql, Ct);
        }
    }

    private static async Task<bool> TableExistsAsync(FollowUpDbContext context, string table) =>
        await (DatabaseLocks.IsPostgres(context)
            ? context.Database.SqlQuery<int>($"SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {table}")
            : context.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}")).SingleAsync(Ct) > 0;
}
