using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OutlookFollowUp.Auth;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;
using IndexMail = OutlookFollowUp.Tests.MailIndex.Mail;

namespace OutlookFollowUp.Tests.Storage;

/// <summary>
/// A database written by the code before EF Core migrations (Legacy/followups-v2.db) upgrades with no row lost or
/// changed: on SQLite the file itself, on PostgreSQL the same rows copied into the legacy schema.
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class LegacyUpgradeTests
{
    private const string UserA = "11111111-1111-1111-1111-111111111111:aaaaaaaa-0000-0000-0000-000000000001";
    private const string UserB = "11111111-1111-1111-1111-111111111111:aaaaaaaa-0000-0000-0000-000000000002";
    private static readonly CancellationToken Ct = CancellationToken.None;

    // Parents first (folder_sync_states refers to mailbox_states).
    private static readonly string[] Tables =
        ["mailbox_states", "folder_sync_states", "indexed_messages", "thread_summaries", "reminders", "dismissals", "user_settings", "tenant_policies", "token_cache"];

    private static string LegacyFile => Path.Combine(AppContext.BaseDirectory, "Storage", "Legacy", "followups-v2.db");

    [Theory, OnSqlite, OnPostgres]
    public async Task Upgrade_KeepsEveryRowOfEveryTable(StorageProvider provider)
    {
        await using var db = await LegacyCopyAsync(provider);
        var columns = new Dictionary<string, HashSet<string>>();
        var before = await DumpAsync(db, columns);

        await StorageMigrations.MigrateAsync(db.CreateContext(), Ct);

        // Columns that later migrations add (the reminders' lifecycle, say) are not the legacy rows' to compare.
        Assert.Equal(before, await DumpAsync(db, columns));
        Assert.Contains(before, t => t.StartsWith("reminders:9 ", StringComparison.Ordinal)); // the fixture is not empty
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Upgrade_EachFeatureReadsItsDataBack(StorageProvider provider)
    {
        await using var db = await LegacyCopyAsync(provider);
        await StorageMigrations.MigrateAsync(db.CreateContext(), Ct);
        var context = db.CreateContext();
        var index = new ThreadIndex(context);

        var state = await index.GetStateAsync(UserA, Ct);
        Assert.Equal(["user1@example.com", "alias1@example.com"], state!.Addresses);
        Assert.Equal("Europe/Berlin", state.TimeZone);
        Assert.Equal(["https://graph.example/delta?token=inbox1", "https://graph.example/delta?token=sent1"], state.Folders.Select(f => f.DeltaLink));
        Assert.Equal("graph_429", (await index.GetStateAsync(UserB, Ct))!.LastErrorCode);
        IndexMail.AssertSame(IndexMail.Full("full-1"), (await index.GetMessagesAsync(UserA, Ct)).Single(m => m.Id == "full-1"));
        Assert.Equal(["t1b", "t1a", "t1c"], (await index.GetThreadsAsync(UserA, null, Ct)).Threads.Select(t => t.ThreadKey));

        var reminders = await new ReminderStore(context, index, db.Time).ListAsync(UserA, Ct);
        Assert.Equal([ReminderStatus.Resolved, ReminderStatus.Scheduled, ReminderStatus.Done], reminders.Select(r => r.Status));
        Assert.Equal(["t1c"], (await new DismissalStore(context, db.Time).LastMessageTimesAsync(UserA, Ct)).Keys);

        var settings = new SettingsStore(context, db.Time);
        Assert.Equal(new UserSettings(30, true, "Europe/Berlin", 8, ["boss1@example.com"], ["news.example"], true) with { ExcludedSenders = [], ExcludedDomains = [] },
            (await settings.GetAsync(UserA, Ct)) with { ExcludedSenders = [], ExcludedDomains = [] });
        Assert.Equal(["boss1@example.com"], (await settings.GetAsync(UserA, Ct)).ExcludedSenders);
        Assert.Equal(90, (await settings.GetPolicyAsync("11111111-1111-1111-1111-111111111111", Ct)).RetentionDays);

        var services = new ServiceCollection().AddScoped(_ => db.CreateContext()).BuildServiceProvider();
        var cache = new DatabaseDistributedCache(services.GetRequiredService<IServiceScopeFactory>(), db.Time);
        Assert.Equal([1, 2, 3, 250], await cache.GetAsync("msal-user-1", Ct));
    }

    /// <summary>The legacy file itself on SQLite; on PostgreSQL its schema from the old SQL, filled with the file's rows.</summary>
    private static async Task<TestDatabase> LegacyCopyAsync(StorageProvider provider)
    {
        Assert.True(File.Exists(LegacyFile), $"Missing test data: {LegacyFile}");
        if (provider == StorageProvider.Sqlite)
        {
            var db = await TestDatabase.CreateAsync(provider, migrate: false);
            File.Copy(LegacyFile, new SqliteConnectionStringBuilder(db.ConnectionString).DataSource, overwrite: true);
            return db;
        }

        var pg = await StorageMigrationTests.LegacyDatabaseAsync(provider);
        await using var source = new SqliteConnection($"Data Source={LegacyFile};Mode=ReadOnly;Pooling=False");
        await source.OpenAsync();
        await using var target = new NpgsqlConnection(pg.ConnectionString);
        await target.OpenAsync();
        foreach (var table in Tables)
        {
            var types = await PostgresTypesAsync(target, table);
            await using var read = source.CreateCommand();
            read.CommandText = $"SELECT * FROM \"{table}\"";
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                await using var insert = target.CreateCommand();
                var names = Enumerable.Range(0, rows.FieldCount).Select(rows.GetName).ToArray();
                insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"${i + 1}"))})";
                for (var i = 0; i < names.Length; i++)
                {
                    insert.Parameters.Add(new NpgsqlParameter { Value = ToPostgres(rows.GetValue(i), types[names[i]]) });
                }

                await insert.ExecuteNonQueryAsync();
            }
        }

        return pg;
    }

    private static async Task<Dictionary<string, string>> PostgresTypesAsync(NpgsqlConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1";
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        await using var reader = await command.ExecuteReaderAsync();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            types[reader.GetString(0)] = reader.GetString(1);
        }

        return types;
    }

    private static object ToPostgres(object value, string type) => value is DBNull ? DBNull.Value : type switch
    {
        "timestamp with time zone" => new DateTimeOffset((long)value, TimeSpan.Zero),
        "boolean" => (long)value != 0,
        "smallint" => (short)(long)value,
        "integer" => (int)(long)value,
        _ => value,
    };

    /// <summary>Every row of every table, each value in one provider-neutral form (instants as UTC ticks), sorted.</summary>
    /// <param name="columns">Filled per table on the first dump; a later dump shows only those columns.</param>
    private static async Task<List<string>> DumpAsync(TestDatabase db, Dictionary<string, HashSet<string>> columns)
    {
        await using var context = db.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var dump = new List<string>();
        foreach (var table in Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            var shown = columns.TryGetValue(table, out var known) ? known
                : columns[table] = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Where(i => shown.Contains(reader.GetName(i)))
                    .Select(i => $"{reader.GetName(i)}={Neutral(reader, i)}")));
            }

            rows.Sort(StringComparer.Ordinal);
            dump.Add($"{table}:{rows.Count} {string.Join("\n", rows)}");
        }

        return dump;
    }

    private static string Neutral(DbDataReader reader, int i) => reader.GetValue(i) switch
    {
        DBNull => "null",
        DateTime t => t.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcTicks.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        byte[] bytes => Convert.ToHexString(bytes),
        IConvertible c => c.ToString(CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };
}
