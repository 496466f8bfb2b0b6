using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace OutlookFollowUp.Storage;

/// <summary>
/// Write transactions that never fail on each other. PostgreSQL: advisory locks, so several API instances never
/// interleave one user's writes, and a serialization failure or deadlock (40001, 40P01) runs the write again.
/// SQLite (one process, one file): one read-modify-write transaction at a time per database, in-process, so none is
/// refused with "database is locked" for upgrading its read to a write while another writer holds the file.
/// </summary>
internal static class DatabaseLocks
{
    private const int MaxAttempts = 3;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);

    // Two-key advisory locks, their first key from the product's one list (AdvisoryLocks).
    internal const int UserLockClass = AdvisoryLocks.UserWrites;

    internal const int MailboxLeaseClass = AdvisoryLocks.MailboxLease;

    public static bool IsPostgres(DbContext db) => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Held until the current transaction ends; two writes for one user queue instead of failing on each other's keys.</summary>
    public static async Task LockUserAsync(DbContext db, string userKey, CancellationToken ct)
    {
        if (IsPostgres(db))
        {
            var key = Fnv1a(userKey);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({UserLockClass}, {key})", ct);
        }
    }

    /// <summary>
    /// One user's write: a transaction holding that user's lock, committed when <paramref name="write"/> returns, rolled
    /// back if it throws (a failure midway leaves the data as it was). The context forgets tracked rows either way.
    /// </summary>
    public static async Task<T> WriteForUserAsync<T>(DbContext db, string lockKey, Func<CancellationToken, Task<T>> write, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(lockKey);
        if (IsPostgres(db))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await WriteOnceAsync(db, lockKey, write, ct);
                }
                catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex))
                {
                    // The transaction was rolled back whole: running it again is safe.
                }
            }
        }

        var writer = SqliteWriters.GetOrAdd(db.Database.GetConnectionString() ?? "", static _ => new SemaphoreSlim(1, 1));
        await writer.WaitAsync(ct);
        try
        {
            return await WriteOnceAsync(db, lockKey, write, ct);
        }
        finally
        {
            writer.Release();
        }
    }

    /// <summary>PostgreSQL's serialization failure and deadlock, wherever EF or Npgsql wrapped them.</summary>
    private static bool IsTransient(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is Npgsql.PostgresException { SqlState: "40001" or "40P01" })
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<T> WriteOnceAsync<T>(DbContext db, string lockKey, Func<CancellationToken, Task<T>> write, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await LockUserAsync(db, lockKey, ct);
            var result = await write(ct);
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public static Task WriteForUserAsync(DbContext db, string lockKey, Func<CancellationToken, Task> write, CancellationToken ct) =>
        WriteForUserAsync(db, lockKey, async c =>
        {
            await write(c);
            return true;
        }, ct);

    // Stable across processes (string.GetHashCode is not); a collision only makes two users queue.
    private static int Fnv1a(string value)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return unchecked((int)hash);
    }
}
