using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Storage;

/// <summary>
/// Instances that start together on an empty PostgreSQL database: EF's own lock covers one migration at a time, so
/// with two migrations or more they used to apply the later ones twice ("column already exists").
/// </summary>
public sealed class ConcurrentMigrationTests
{
    [Trait("Needs", "Postgres")]
    [PostgresFact]
    public async Task Migrate_FourInstancesAtOnceOnAnEmptyDatabase_AllStart_EachMigrationAppliedOnce()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres, migrate: false);
        var contexts = Enumerable.Range(0, 4).Select(_ => db.CreateContext()).ToArray();

        await Task.WhenAll(contexts.Select(c => Task.Run(() => StorageMigrations.MigrateAsync(c, CancellationToken.None))));

        var context = db.CreateContext();
        Assert.True(context.Database.GetMigrations().Count() > 1, "this test needs two migrations or more");
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync(CancellationToken.None));
    }
}
