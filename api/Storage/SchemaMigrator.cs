using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace OutlookFollowUp.Storage;

/// <summary>One schema step, as SQL for each provider. Steps are frozen once shipped: a change is a new step.</summary>
internal sealed record SchemaMigration(int Version, string Name, string Sqlite, string Postgres);

/// <summary>
/// Brings the database to the latest schema version, the same way on SQLite and PostgreSQL: a <c>schema_version</c>
/// table, and each missing step applied in its own transaction with its version row. On PostgreSQL an advisory lock
/// makes instances that start together wait for each other. See docs/storage.md.
/// </summary>
internal static class SchemaMigrator
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)";

    /// <summary>Applies the missing steps; returns how many it applied (0 when the schema was current).</summary>
    public static async Task<int> MigrateAsync(
        FollowUpDbContext db, IReadOnlyList<SchemaMigration> migrations, TimeProvider time, CancellationToken ct)
    {
        var postgres = DatabaseLocks.IsPostgres(db);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var applied = 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await DatabaseLocks.LockSchemaAsync(db, ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync(CreateVersionTable, ct);
                var current = await CurrentVersionAsync(db, ct);
                if (current > latest)
                {
                    throw new InvalidOperationException(
                        $"The thread index database is at schema version {current}, newer than this build knows ({latest}). Deploy the newer build.");
                }

                foreach (var migration in migrations.Where(m => m.Version > current))
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    await db.Database.ExecuteSqlRawAsync(postgres ? migration.Postgres : migration.Sqlite, ct);
                    var at = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                    await db.Database.ExecuteSqlAsync(
                        $"INSERT INTO schema_version (version, name, applied_at) VALUES ({migration.Version}, {migration.Name}, {at})", ct);
                    await transaction.CommitAsync(ct);
                    applied++;
                }
            }
            finally
            {
                await DatabaseLocks.UnlockSchemaAsync(db, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return applied;
    }

    public static Task<int> CurrentVersionAsync(FollowUpDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<int>($"SELECT COALESCE(MAX(version), 0) AS \"Value\" FROM schema_version").SingleAsync(ct);
}
