using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace OutlookFollowUp.Storage;

/// <summary>
/// One instance at a time works on a mailbox in the background, so Graph's limits per app and mailbox (4 requests at
/// once, 10,000 per 10 minutes) are kept by that instance's own gate for the whole deployment. PostgreSQL: a session
/// advisory lock per mailbox (<see cref="DatabaseLocks.MailboxLeaseClass"/>, keyed by schema and user), all of this
/// process's on one connection of their own: a held lease costs no pooled connection, and a process that dies drops its
/// leases with its session. SQLite serves one instance, so every lease is granted. Within the process a lease is
/// shared (counted): a sweep and a sync of one mailbox hold it together, and the mailbox's gate bounds their requests.
/// </summary>
public sealed partial class MailboxLeases(IOptions<StorageOptions> options, ILogger<MailboxLeases> logger) : IAsyncDisposable
{
    /// <summary>How often a wait for a lease asks again (real time: a lease is held by real work, not by the app's clock).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);
    private FollowUpDbContext? _session;

    /// <summary>Counts lost sessions: a lease taken before the loss must not release what a later one holds.</summary>
    private int _generation;

    private bool Postgres => options.Value.Provider == StorageProvider.Postgres;

    /// <summary>The mailbox's lease, or null when another instance holds it now.</summary>
    public async Task<MailboxLease?> TryAcquireAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_held.TryGetValue(userKey, out var count))
            {
                _held[userKey] = count + 1;
                return new MailboxLease(this, userKey, _generation);
            }

            if (Postgres && !await LockAsync("pg_try_advisory_lock", userKey, cancellationToken))
            {
                return null;
            }

            _held[userKey] = 1;
            return new MailboxLease(this, userKey, _generation);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits up to <paramref name="wait"/> for the mailbox's lease; null when another instance still holds it then.</summary>
    public async Task<MailboxLease?> AcquireAsync(string userKey, TimeSpan wait, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await TryAcquireAsync(userKey, cancellationToken) is { } lease)
            {
                return lease;
            }

            if (waited.Elapsed >= wait)
            {
                return null;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>Mailboxes this process holds now.</summary>
    public async Task<int> HeldAsync()
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            return _held.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    internal async Task ReleaseAsync(string userKey, int generation)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (generation != _generation || !_held.TryGetValue(userKey, out var count))
            {
                return; // the session that held it is gone, and the lock with it
            }

            if (count > 1)
            {
                _held[userKey] = count - 1;
                return;
            }

            _held.Remove(userKey);
            if (Postgres)
            {
                try
                {
                    await LockAsync("pg_advisory_unlock", userKey, CancellationToken.None);
                }
                catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
                {
                    // The session is gone, and the lock with it: nothing is left to give back.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs a lock function on the lease session (opened on first use); a broken session is dropped with every lease on it.</summary>
    private async Task<bool> LockAsync(string function, string userKey, CancellationToken ct)
    {
        try
        {
            if (_session is null)
            {
                _session = StorageSetup.CreateContext(options.Value);
                await _session.Database.OpenConnectionAsync(ct);
            }

            await using DbCommand command = _session.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT {function}({DatabaseLocks.MailboxLeaseClass}, hashtext(current_schema() || ':' || @user))";
            var user = command.CreateParameter();
            user.ParameterName = "user";
            user.Value = userKey;
            command.Parameters.Add(user);
            return await command.ExecuteScalarAsync(ct) is true;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            // The server dropped the session's locks with it (or soon will): what this process held is held no more.
            LogSessionLost(logger, _held.Count, ex.GetType().Name);
            await DropSessionAsync();
            throw;
        }
    }

    private async Task DropSessionAsync()
    {
        _held.Clear();
        _generation++;
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            await DropSessionAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mailbox lease session was lost ({Failure}); {Count} leases end with it and are taken again as work needs them")]
    private static partial void LogSessionLost(ILogger logger, int count, string failure);
}

/// <summary>A held mailbox lease; disposing it gives it back (to the process, then to the database when no one here holds it).</summary>
public sealed class MailboxLease : IAsyncDisposable
{
    private readonly MailboxLeases _owner;
    private readonly int _generation;
    private int _released;

    internal MailboxLease(MailboxLeases owner, string userKey, int generation) => (_owner, UserKey, _generation) = (owner, userKey, generation);

    public string UserKey { get; }

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _released, 1) == 0 ? new ValueTask(_owner.ReleaseAsync(UserKey, _generation)) : ValueTask.CompletedTask;
}
