using Npgsql;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Storage;

/// <summary>On PostgreSQL a serialization failure or deadlock runs the write transaction again.</summary>
public sealed class PostgresRetryTests
{
    [Trait("Needs", "Postgres")]
    [PostgresFact]
    public async Task A_write_that_hits_a_serialization_failure_or_deadlock_is_run_again()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var db = database.CreateContext();
        foreach (var sqlState in new[] { "40001", "40P01" })
        {
            var attempts = 0;

            var result = await DatabaseLocks.WriteForUserAsync(db, "user-1", ct =>
            {
                attempts++;
                return attempts == 1
                    ? throw new PostgresException("could not serialize access due to concurrent update", "ERROR", "ERROR", sqlState)
                    : Task.FromResult("written");
            }, CancellationToken.None);

            Assert.Equal((sqlState, "written", 2), (sqlState, result, attempts));
        }
    }

    [Trait("Needs", "Postgres")]

    [PostgresFact]
    public async Task Other_failures_are_not_retried()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var db = database.CreateContext();
        var attempts = 0;

        await Assert.ThrowsAsync<PostgresException>(() => DatabaseLocks.WriteForUserAsync<string>(db, "user-1", ct =>
        {
            attempts++;
            throw new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505");
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }
}
