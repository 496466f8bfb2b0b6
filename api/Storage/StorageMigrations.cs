using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OutlookFollowUp.Storage;

/// <summary>
/// The schema at start: a database made by the hand-written migrator that came before EF Core migrations is adopted
/// first (below), then EF Core's <c>Migrate</c> applies what is missing under its own migration lock. See docs/storage.md.
/// </summary>
internal static class StorageMigrations
{
    // The hand-written migrator's last version: the same tables, columns and indexes as the Initial migration.
    private const int LegacyVersion = 2;

    public static async Task MigrateAsync(FollowUpDbContext db, CancellationToken ct)
    {
        if (!DatabaseLocks.IsPostgres(db))
        {
            await AdoptLegacySchemaAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            return;
        }

        // EF's PostgreSQL migration lock lasts one migration's transaction: between two migrations another instance
        // can read the history and apply the second again ("column already exists"). One session lock around the whole
        // upgrade makes instances that start together take turns; the later ones find nothing left to do.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryLocks.SchemaUpgrade}, hashtext(current_schema()))", ct);
            try
            {
                await AdoptLegacySchemaAsync(db, ct);
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AdvisoryLocks.SchemaUpgrade}, hashtext(current_schema()))", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// A legacy database (a <c>schema_version</c> table, no EF history) is marked as having the Initial migration, in
    /// one transaction: EF's history table with that row, PostgreSQL's key and index names in EF's snake_case, and
    /// <c>schema_version</c> dropped. No row of data is touched. Returns whether it adopted one.
    /// </summary>
    public static async Task<bool> AdoptLegacySchemaAsync(FollowUpDbContext db, CancellationToken ct)
    {
        var postgres = DatabaseLocks.IsPostgres(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await TableExistsAsync(db, postgres, "schema_version", ct))
            {
                return false;
            }

            // SQLite's transactions take the write lock at once; PostgreSQL instances queue on the advisory lock.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (postgres)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLocks.SchemaAdoption}, 0)", ct);
            }

            // Another instance may have adopted it while this one waited.
            if (!await TableExistsAsync(db, postgres, "schema_version", ct))
            {
                return false;
            }

            var version = await db.Database.SqlQuery<int>($"SELECT COALESCE(MAX(version), 0) AS \"Value\" FROM schema_version").SingleAsync(ct);
            if (version != LegacyVersion)
            {
                throw new InvalidOperationException(
                    $"The database is at the hand-written schema version {version}; this build upgrades only version {LegacyVersion}. "
                    + "Start the previous release once to bring it to version 2, then this one.");
            }

            var history = db.GetService<IHistoryRepository>();
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
            var initial = db.Database.GetMigrations().First();
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion())), ct);
            await RenameToSnakeCaseAsync(db, postgres, ct);

            await db.Database.ExecuteSqlRawAsync("DROP TABLE schema_version", ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> TableExistsAsync(FollowUpDbContext db, bool postgres, string table, CancellationToken ct) =>
        await (postgres
            ? db.Database.SqlQuery<int>(
                $"SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {table}")
            : db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}")).SingleAsync(ct) > 0;

    // The old scripts kept EF's default "PK_x", "FK_x", "IX_x" names; snake_case naming lowercases them, and later
    // migrations find keys and indexes by name. SQLite cannot rename an index: it is dropped and made again.
    private static async Task RenameToSnakeCaseAsync(FollowUpDbContext db, bool postgres, CancellationToken ct)
    {
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync(PostgresSnakeCaseNames, ct);
            return;
        }

        var indexes = await db.Database.SqlQuery<string>(
            $"SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND substr(name, 1, 3) = 'IX_'").ToListAsync(ct);
        foreach (var name in indexes)
        {
            var sql = await db.Database.SqlQuery<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE name = {name}").SingleAsync(ct);
#pragma warning disable EF1002 // The names come from sqlite_master, not from input.
            await db.Database.ExecuteSqlRawAsync($"DROP INDEX \"{name}\"", ct);
            await db.Database.ExecuteSqlRawAsync(sql.Replace($"\"{name}\"", $"\"{name.ToLowerInvariant()}\"", StringComparison.Ordinal), ct);
#pragma warning restore EF1002
        }
    }

    private const string PostgresSnakeCaseNames =
        """
        DO $$
        DECLARE r record;
        BEGIN
            FOR r IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
                     WHERE connamespace = current_schema()::regnamespace AND conname ~ '^(PK|FK)_' LOOP
                EXECUTE format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', r.tbl, r.conname, lower(r.conname));
            END LOOP;
            FOR r IN SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname ~ '^IX_' LOOP
                EXECUTE format('ALTER INDEX %I RENAME TO %I', r.indexname, lower(r.indexname));
            END LOOP;
        END $$;
        """;
}
