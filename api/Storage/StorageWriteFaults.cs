using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OutlookFollowUp.Storage;

/// <summary>
/// On every context of the app (one per host): a write that failed for lack of space marks the database failing until a
/// write succeeds again. A full disk shows only on a real write, which readiness cannot make, so it asks this.
/// </summary>
public sealed class StorageWriteFaults : IDbCommandInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor
{
    private volatile bool _failing;

    public bool Failing => _failing;

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Saw(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saw(eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Saw(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saw(eventData.Exception);
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Stored(result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Stored(result));

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) => Stored(result);

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Stored(result));

    private void Saw(Exception exception)
    {
        if (StorageWrites.IsOutOfSpace(exception))
        {
            _failing = true;
        }
    }

    // Rows written and committed: there was room for them.
    private int Stored(int rows)
    {
        if (rows > 0)
        {
            _failing = false;
        }

        return rows;
    }
}

/// <summary>Readiness: the database takes writes (not read-only, and no write failed for lack of space since the last that worked).</summary>
internal sealed class StorageWriteCheck(FollowUpDbContext db, StorageWriteFaults faults) : IHealthCheck
{
    public const string Name = "database-writes";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (faults.Failing)
        {
            return HealthCheckResult.Unhealthy("its disk is full (the last write failed for lack of space, and none has worked since)");
        }

        try
        {
            await StorageWrites.ProbeAsync(db, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (StorageWrites.IsRefused(e))
        {
            return HealthCheckResult.Unhealthy("it is read-only");
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // Out of reach: the database check says so.
            return HealthCheckResult.Healthy("not known: the database cannot be reached");
        }
    }
}
