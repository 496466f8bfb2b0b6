using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OutlookFollowUp.Storage;

/// <summary>
/// Every SQLite connection as it opens: write-ahead logging, so readers never block the writer nor the writer them, and
/// a busy timeout, so a writer that finds another one waits for it instead of failing with "database is locked".
/// The read-modify-write transactions also take turns in-process (<see cref="DatabaseLocks"/>).
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    // The busy timeout (30 s) is far longer than any one write takes: a writer waits for the others rather than give up.
    private const string Pragmas = "PRAGMA busy_timeout=30000; PRAGMA journal_mode=WAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
