using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace OutlookFollowUp.Storage;

/// <summary>
/// Whether the database takes writes. A read-only file, connection or replica and a full disk refuse every write however
/// often it is tried: the API answers 503 for them (nothing was stored), and readiness fails while they last.
/// </summary>
public static class StorageWrites
{
    /// <summary>The database refused a write because it is read-only or out of space, wherever EF Core wrapped it.</summary>
    public static bool IsRefused(Exception? exception) => Refusal(exception) is not null;

    /// <summary>A full disk (or its I/O error): only a real write shows it, so readiness remembers it (<see cref="StorageWriteFaults"/>).</summary>
    public static bool IsOutOfSpace(Exception? exception) => Refusal(exception) is
        SqliteException { SqliteErrorCode: SqliteFull or SqliteIoError } or PostgresException { SqlState: PostgresDiskFull };

    /// <summary>Two writers inserted the same key at once: the other one's row is there.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: 2067 or 1555 }
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// Asks for a write that changes no row: a read-only database refuses it (SQLite's read-only file or connection,
    /// PostgreSQL's read-only transaction). A full disk shows only on a real write.
    /// </summary>
    public static Task ProbeAsync(DbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE 1 = 0", ct);

    internal static Exception? Refusal(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteReadOnly or SqliteFull or SqliteIoError }:
                case PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction or PostgresDiskFull }:
                    return e;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Select(Refusal).FirstOrDefault(r => r is not null);
            }
        }

        return null;
    }

    private const int SqliteIoError = 10;
    private const int SqliteReadOnly = 8;
    private const int SqliteFull = 13;
    private const int SqliteConstraint = 19;
    private const string PostgresDiskFull = PostgresErrorCodes.DiskFull;
}
