using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Bench;

/// <summary>
/// What the thread index costs on disk: N mailboxes of 2,000 messages each, written through the product's own index
/// (<see cref="ThreadIndex.ApplyDeltaAsync"/> per folder, then the engine's follow-ups through
/// <see cref="ThreadIndex.ReplaceThreadsAsync"/>, as a sync does), then the database's own size: SQLite's pages after a
/// checkpoint and VACUUM (the messages' share: what emptying their table gives back), PostgreSQL's <c>pg_total_relation_size</c> (tables, indexes and TOAST) after VACUUM ANALYZE.
/// Bytes per message = the whole database / messages, so the thread summaries and indexes are in the figure.
/// Run: dotnet run -c Release --project bench -- index-size [mailboxes] (default 1,000; PostgreSQL too when
/// FOLLOWUP_TEST_POSTGRES is set).
/// </summary>
internal static class IndexSizeFigures
{
    private const int PerMailbox = 2_000;

    public static async Task RunAsync(TextWriter output, int mailboxes)
    {
        output.WriteLine("| database | mailboxes × messages | database bytes | bytes per message | of which indexed_messages (table + indexes) | write time |");
        output.WriteLine("|---|---|---|---|---|---|");
        await RunOnAsync(output, StorageProvider.Sqlite, mailboxes);
        if (Environment.GetEnvironmentVariable("FOLLOWUP_TEST_POSTGRES") is { Length: > 0 })
        {
            await RunOnAsync(output, StorageProvider.Postgres, mailboxes);
        }
    }

    private static async Task RunOnAsync(TextWriter output, StorageProvider provider, int mailboxes)
    {
        await using var database = await BenchDatabase.CreateAsync(provider);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < mailboxes; i++)
        {
            await using var context = database.CreateContext();
            var index = new ThreadIndex(context);
            var user = $"tenant:user-{i:D5}";
            var messages = SyntheticMailbox.Generate(PerMailbox, MailboxStyle.Graph, seed: 20261123 + i);
            await index.SetMailboxAsync(user, SyntheticMailbox.Me, "UTC", CancellationToken.None);
            var mine = messages.Where(m => SyntheticMailbox.Me.Contains(m.From, StringComparer.OrdinalIgnoreCase)).ToList();
            var theirs = messages.Except(mine).ToList();
            await index.ApplyDeltaAsync(user, "inbox", theirs, [], "delta-inbox", SyntheticMailbox.Now, CancellationToken.None);
            await index.ApplyDeltaAsync(user, "sentitems", mine, [], "delta-sent", SyntheticMailbox.Now, CancellationToken.None);
            var followUps = FollowUpEngine.Evaluate(ThreadBuilder.Build(messages).Threads, SyntheticMailbox.Options());
            await index.ReplaceThreadsAsync(user, followUps, SyntheticMailbox.Now, CancellationToken.None);
        }

        var written = clock.Elapsed;
        await using var measure = database.CreateContext();
        var (total, messagesTable) = provider == StorageProvider.Sqlite ? await SqliteSizeAsync(measure) : await PostgresSizeAsync(measure);
        var count = (long)mailboxes * PerMailbox;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {mailboxes:N0} × {PerMailbox:N0} | {total:N0} | **{(double)total / count:F0}** | {(double)messagesTable / count:F0} per message | {written.TotalSeconds:F0} s |"));
    }

    private static async Task<(long Total, long Messages)> SqliteSizeAsync(FollowUpDbContext context)
    {
        await context.Database.OpenConnectionAsync();
        await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        await context.Database.ExecuteSqlRawAsync("VACUUM");
        var total = await SqliteBytesAsync(context);
        // SQLite here has no dbstat: the messages' share is what emptying their table (and its indexes) gives back.
        await context.Database.ExecuteSqlRawAsync("DELETE FROM indexed_messages");
        await context.Database.ExecuteSqlRawAsync("VACUUM");
        return (total, total - await SqliteBytesAsync(context));
    }

    private static async Task<long> SqliteBytesAsync(FollowUpDbContext context) =>
        await ScalarAsync(context, "PRAGMA page_count") * await ScalarAsync(context, "PRAGMA page_size");

    private static async Task<(long Total, long Messages)> PostgresSizeAsync(FollowUpDbContext context)
    {
        await context.Database.OpenConnectionAsync();
        await context.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        var total = await ScalarAsync(context,
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'");
        var messages = await ScalarAsync(context, "SELECT pg_total_relation_size('indexed_messages')");
        return (total, messages);
    }

    private static async Task<long> ScalarAsync(FollowUpDbContext context, string sql)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }
}
