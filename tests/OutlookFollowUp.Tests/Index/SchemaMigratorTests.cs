using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Tests.Index;

public sealed class SchemaMigratorTests
{
    private const string User = "tid:oid-a";
    private static readonly CancellationToken Ct = CancellationToken.None;

    // A later step as a real one would look: a column and an index, the same SQL on both providers.
    private static readonly int Latest = SchemaMigrations.All[^1].Version;

    private static readonly SchemaMigration Next = new(Latest + 1, "snooze",
        "ALTER TABLE thread_summaries ADD COLUMN snoozed_until text NULL; CREATE INDEX ix_test_conversation ON indexed_messages (conversation_id)",
        "ALTER TABLE thread_summaries ADD COLUMN snoozed_until text NULL; CREATE INDEX ix_test_conversation ON indexed_messages (conversation_id)");

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrate_Twice_SecondRunIsANoOp(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);

        var first = await SchemaMigrator.MigrateAsync(db.CreateContext(), SchemaMigrations.All, db.Time, Ct);
        var second = await SchemaMigrator.MigrateAsync(db.CreateContext(), SchemaMigrations.All, db.Time, Ct);

        Assert.Equal((SchemaMigrations.All.Count, 0), (first, second));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrate_FromScratch_MatchesTheModel(StorageProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var fromModel = await TestDatabase.CreateAsync(provider, migrate: false);
        var context = fromModel.CreateContext();
        await context.Database.ExecuteSqlRawAsync(context.Database.GenerateCreateScript(), Ct);

        Assert.Equal(await SchemaFingerprint.ReadAsync(fromModel.CreateContext()), await SchemaFingerprint.ReadAsync(migrated.CreateContext()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrate_OlderSchemaWithData_UpgradesAndKeepsTheData(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateIndex().ApplyDeltaAsync(User, "inbox", [Mail.Full("a")], [], "link-1", db.Time.GetUtcNow(), Ct);

        var applied = await SchemaMigrator.MigrateAsync(db.CreateContext(), [.. SchemaMigrations.All, Next], db.Time, Ct);

        Assert.Equal(1, applied);
        Assert.Equal(Latest + 1, await SchemaMigrator.CurrentVersionAsync(db.CreateContext(), Ct));
        Mail.AssertSame(Mail.Full("a"), Assert.Single(await db.CreateIndex().GetMessagesAsync(User, Ct)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrate_FailingStep_LeavesTheSchemaAtThePreviousVersion(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var before = await SchemaFingerprint.ReadAsync(db.CreateContext());
        var broken = Next with { Sqlite = Next.Sqlite + "; SELECT * FROM no_such_table", Postgres = Next.Postgres + "; SELECT * FROM no_such_table" };

        await Assert.ThrowsAnyAsync<Exception>(() => SchemaMigrator.MigrateAsync(db.CreateContext(), [.. SchemaMigrations.All, broken], db.Time, Ct));

        Assert.Equal(Latest, await SchemaMigrator.CurrentVersionAsync(db.CreateContext(), Ct));
        Assert.Equal(before, await SchemaFingerprint.ReadAsync(db.CreateContext()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrate_DatabaseNewerThanTheBuild_FailsClearly(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SchemaMigrator.MigrateAsync(db.CreateContext(), [.. SchemaMigrations.All, Next], db.Time, Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.MigrateAsync(db.CreateContext(), SchemaMigrations.All, db.Time, Ct));

        Assert.Contains($"schema version {Latest + 1}", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Migrate_SeveralInstancesAtOnce_ApplyEachStepOnce()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres, migrate: false);

        var contexts = Enumerable.Range(0, 4).Select(_ => db.CreateContext()).ToArray();

        var runs = await Task.WhenAll(contexts.Select(c => Task.Run(() => SchemaMigrator.MigrateAsync(c, SchemaMigrations.All, db.Time, Ct))));

        Assert.Equal(SchemaMigrations.All.Count, runs.Sum());
    }
}
