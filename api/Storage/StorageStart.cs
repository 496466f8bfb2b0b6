using Microsoft.Data.Sqlite;
using Npgsql;

namespace OutlookFollowUp.Storage;

/// <summary>The database could not be used at start; the message is the one line the start prints (no secret in it).</summary>
public sealed class StorageStartException(string message, Exception inner) : Exception(message, inner);

/// <summary>Says, in one line a person can act on, why the database failed at start: which database, and what to check.</summary>
internal static class StorageStart
{
    public static string? Describe(Exception exception, StorageOptions options)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite:
                    return Sqlite(sqlite, SqliteFile(options.ConnectionString));
                case PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction }:
                    return $"PostgreSQL {Server(options.ConnectionString)} accepts no writes (a read-only transaction: a replica, or "
                        + "default_transaction_read_only for this login or database): point ConnectionStrings:FollowUps at a database the API may write to.";
                case PostgresException postgres:
                    return $"PostgreSQL {Server(options.ConnectionString)} refused the start: {postgres.MessageText} ({postgres.SqlState}); check ConnectionStrings:FollowUps.";
                case NpgsqlException npgsql:
                    return $"PostgreSQL {Server(options.ConnectionString)} cannot be reached ({(npgsql.InnerException ?? npgsql).Message.TrimEnd('.')}): "
                        + "check that the server runs and ConnectionStrings:FollowUps names it.";
            }
        }

        return null;
    }

    private static string Sqlite(SqliteException sqlite, string file) => sqlite.SqliteErrorCode switch
    {
        8 => $"The SQLite database {file} is read-only, and the API must write to it: make the file and its folder writable for the "
            + "user running the API, or point Storage:DataFolder (or ConnectionStrings:FollowUps) at a writable place.",
        13 => $"The disk holding the SQLite database {file} is full: free some space, or point Storage:DataFolder at another disk.",
        14 => $"The SQLite database {file} cannot be opened or created: check that its folder exists and that the user running the API may write there (Storage:DataFolder).",
        _ => $"The SQLite database {file} cannot be used: {sqlite.Message.TrimEnd('.')}; check Storage:DataFolder or ConnectionStrings:FollowUps.",
    };

    private static string SqliteFile(string? connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } file ? Path.GetFullPath(file) : "(in memory)";

    // host:port/database only: never the user or the password.
    private static string Server(string? connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
