using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Storage;


namespace OutlookFollowUp.MailIndex;

/// <summary>EF Core implementation of <see cref="IThreadIndex"/> for SQLite and PostgreSQL.</summary>
internal sealed partial class ThreadIndex(FollowUpDbContext db) : IThreadIndex
{
    private const string Theirs = "theirs";

    // Keeps IN lists well under every provider's parameter limit.
    private const int Chunk = 500;

    /// <summary>A sync's writes need the mailbox state that the sync began with (or created): see <see cref="ForSync"/>.</summary>
    private bool Fenced { get; init; }

    public IThreadIndex ForSync() => new ThreadIndex(db) { Fenced = true };

    public async Task<MailboxSnapshot?> GetStateAsync(string userKey, CancellationToken cancellationToken)
    {
        var state = await db.Set<MailboxState>().AsNoTracking().Include(m => m.Folders)
            .SingleOrDefaultAsync(m => m.UserKey == userKey, cancellationToken);
        return state is null
            ? null
            : new MailboxSnapshot(
                state.UserKey,
                StoredJson.Strings(state.Addresses),
                state.TimeZone,
                state.LastSyncedAt,
                state.LastAttemptAt,
                state.LastErrorCode,
                state.Folders.OrderBy(f => f.Folder, StringComparer.Ordinal)
                    .Select(f => new FolderSnapshot(f.Folder, f.DeltaLink, f.SyncedAt)).ToArray(),
                state.DisplayName);
    }

    public Task SetMailboxAsync(string userKey, IReadOnlyList<string> addresses, string? timeZone, string? displayName, CancellationToken cancellationToken) =>
        WriteAsync(userKey, async ct =>
        {
            var state = await MailboxAsync(userKey, ct, startsState: true); // a sync's first write, so never fenced
            state.Addresses = StoredJson.Strings(addresses) ?? "[]";
            state.TimeZone = timeZone;
            state.DisplayName = displayName ?? state.DisplayName;
            await db.SaveChangesAsync(ct);
        }, cancellationToken);

    public Task ApplyDeltaAsync(
        string userKey,
        string folder,
        IReadOnlyList<MailRecord> upserts,
        IReadOnlyCollection<string> removedIds,
        string? deltaLink,
        DateTimeOffset syncedAt,
        CancellationToken cancellationToken) =>
        WriteAsync(userKey, async ct =>
        {
            // Only rows still filed under this folder: a message moved to another folder arrives there as an upsert.
            foreach (var ids in removedIds.Distinct(StringComparer.Ordinal).Chunk(Chunk))
            {
                await db.Set<IndexedMessage>().Where(m => m.UserKey == userKey && m.Folder == folder && ids.Contains(m.Id)).ExecuteDeleteAsync(ct);
            }

            // Graph may return an item twice across pages when it changed meanwhile: the last copy wins.
            var latest = new Dictionary<string, MailRecord>(StringComparer.Ordinal);
            foreach (var record in upserts)
            {
                latest[record.Id] = record;
            }

            foreach (var ids in latest.Keys.Chunk(Chunk))
            {
                var existing = await db.Set<IndexedMessage>().Where(m => m.UserKey == userKey && ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, StringComparer.Ordinal, ct);
                foreach (var id in ids)
                {
                    if (!existing.TryGetValue(id, out var row))
                    {
                        row = new IndexedMessage { UserKey = userKey, Id = id, Folder = folder };
                        db.Set<IndexedMessage>().Add(row);
                    }

                    latest[id].CopyTo(row, folder);
                }
            }

            var state = await MailboxAsync(userKey, ct);
            var folderState = state.Folders.SingleOrDefault(f => f.Folder == folder);
            if (folderState is null)
            {
                folderState = new FolderSyncState { UserKey = userKey, Folder = folder };
                state.Folders.Add(folderState);
            }

            folderState.DeltaLink = deltaLink;
            folderState.SyncedAt = syncedAt;
            state.LastSyncedAt = syncedAt;
            state.LastAttemptAt = syncedAt;
            state.LastErrorCode = null;
            await db.SaveChangesAsync(ct);
        }, cancellationToken);

    public Task ResetFolderAsync(string userKey, string folder, CancellationToken cancellationToken) =>
        WriteAsync(userKey, async ct =>
        {
            await db.Set<IndexedMessage>().Where(m => m.UserKey == userKey && m.Folder == folder).ExecuteDeleteAsync(ct);
            await db.Set<FolderSyncState>().Where(f => f.UserKey == userKey && f.Folder == folder).ExecuteDeleteAsync(ct);
        }, cancellationToken);

    public Task RecordFailureAsync(string userKey, string errorCode, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(userKey, async ct =>
        {
            var state = await MailboxAsync(userKey, ct);
            state.LastAttemptAt = at;
            state.LastErrorCode = errorCode;
            await db.SaveChangesAsync(ct);
        }, cancellationToken);

    public async Task<IReadOnlyList<MailRecord>> GetMessagesAsync(string userKey, CancellationToken cancellationToken)
    {
        var rows = await db.Set<IndexedMessage>().AsNoTracking().Where(m => m.UserKey == userKey).ToListAsync(cancellationToken);
        // Sorted here, not in SQL: PostgreSQL collations order text differently from SQLite's binary order.
        return rows.OrderBy(m => m.Date ?? DateTimeOffset.MinValue).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => m.ToRecord()).ToArray();
    }

    public Task ReplaceThreadsAsync(string userKey, ComputedThreads threads, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        var rows = SummaryRows(userKey, threads, computedAt);
        return WriteAsync(userKey, async ct =>
        {
            // What MailTips said when a thread entered "waiting on them" stays while it stays there; a thread entering it anew is asked.
            var asked = await db.Set<ThreadSummary>().AsNoTracking().Where(t => t.UserKey == userKey && t.Direction == Theirs && t.Away != null)
                .Select(t => new { t.ThreadKey, t.Away }).ToDictionaryAsync(t => t.ThreadKey, t => t.Away, StringComparer.Ordinal, ct);
            await db.Set<ThreadSummary>().Where(t => t.UserKey == userKey).ExecuteDeleteAsync(ct);
            foreach (var row in rows)
            {
                row.Away = row.Direction == Theirs ? asked.GetValueOrDefault(row.ThreadKey) : null;
                db.Set<ThreadSummary>().Add(row);
            }

            (await MailboxAsync(userKey, ct)).ThreadsComputedAt = computedAt;
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    public async Task<IndexedThreads> GetThreadsAsync(string userKey, FollowUpDirection? direction, bool allUnanswered, CancellationToken cancellationToken)
    {
        var name = direction is { } d ? StoredMapping.DirectionName(d) : null;
        var rows = new List<ThreadListRow>();
        await foreach (var row in ThreadListQuery.Read(db, userKey, name, allUnanswered).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            return new IndexedThreads([], null, null);
        }

        var dismissed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Thread is not null && r.DismissedUpTo is not null))
        {
            dismissed[row.Thread!.ThreadKey] = row.DismissedUpTo!.Value;
        }

        var times = rows[0];
        return new IndexedThreads(
            rows.Where(r => r.Thread is not null).Select(r => r.Thread!)
                .OrderBy(t => t.Since).ThenBy(t => t.ThreadKey, StringComparer.Ordinal).Select(t => t.ToFollowUp(allUnanswered)).ToArray(),
            times.LastSyncedAt,
            times.ThreadsComputedAt,
            times.LastAttemptAt,
            times.LastErrorCode,
            dismissed);
    }

    public Task DeleteUserAsync(string userKey, CancellationToken cancellationToken) =>
        WriteAsync(userKey, async ct =>
        {
            await db.Set<ThreadSummary>().Where(t => t.UserKey == userKey).ExecuteDeleteAsync(ct);
            await db.Set<IndexedMessage>().Where(m => m.UserKey == userKey).ExecuteDeleteAsync(ct);
            await db.Set<FolderSyncState>().Where(f => f.UserKey == userKey).ExecuteDeleteAsync(ct);
            await db.Set<MailboxState>().Where(m => m.UserKey == userKey).ExecuteDeleteAsync(ct);
        }, cancellationToken);

    public Task<IndexedMessageRef?> FindMessageAsync(string userKey, string? messageId, string? internetMessageId, CancellationToken cancellationToken) =>
        db.Set<IndexedMessage>().AsNoTracking()
            .Where(m => m.UserKey == userKey && ((messageId != null && m.Id == messageId) || (internetMessageId != null && m.InternetMessageId == internetMessageId)))
            .Select(m => new IndexedMessageRef(m.Id, m.InternetMessageId, m.ConversationId, m.Subject))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<DateTimeOffset?> LastGoodSyncAsync(CancellationToken cancellationToken) =>
        db.Set<MailboxState>().MaxAsync(m => m.LastSyncedAt, cancellationToken);

    public async Task<IReadOnlyList<string>> UserKeysAsync(CancellationToken cancellationToken) =>
        await db.Set<MailboxState>().AsNoTracking().Select(m => m.UserKey).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> UserKeysWithThreadsAsync(CancellationToken cancellationToken) =>
        await db.Set<ThreadSummary>().AsNoTracking().Select(t => t.UserKey).Distinct().ToListAsync(cancellationToken);

    public async Task<int> PurgeBeforeAsync(string userKey, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        await db.Set<IndexedMessage>().Where(m => m.UserKey == userKey && m.Date < cutoff).ExecuteDeleteAsync(cancellationToken)
        + await db.Set<ThreadSummary>().Where(t => t.UserKey == userKey && t.Since < cutoff).ExecuteDeleteAsync(cancellationToken);

    private async Task<MailboxState> MailboxAsync(string userKey, CancellationToken ct, bool startsState = false)
    {
        var state = await db.Set<MailboxState>().Include(m => m.Folders).SingleOrDefaultAsync(m => m.UserKey == userKey, ct);
        if (state is null)
        {
            if (Fenced && !startsState)
            {
                throw new MailboxErasedException(userKey);
            }

            state = new MailboxState { UserKey = userKey };
            db.Set<MailboxState>().Add(state);
        }

        return state;
    }

    /// <summary>Runs one write as one transaction, serialized per user; on failure nothing is kept, in the database or in the tracker.</summary>
    private Task WriteAsync(string lockKey, Func<CancellationToken, Task> write, CancellationToken cancellationToken) =>
        DatabaseLocks.WriteForUserAsync(db, lockKey, write, cancellationToken);
}

/// <summary>
/// The thread list in one statement: the mailbox's times joined to its threads (one direction or all; rule 9's default
/// mode leaves out threads that ask nothing) and each thread's dismissal, as flat rows (left joins: a mailbox with no
/// thread is one row with no thread), compiled.
/// </summary>
internal static class ThreadListQuery
{
    private static readonly CompiledPerModel<Func<FollowUpDbContext, string, string?, bool, IAsyncEnumerable<ThreadListRow>>> Compiled =
        new(() => EF.CompileAsyncQuery((FollowUpDbContext db, string userKey, string? direction, bool allUnanswered) =>
            from m in db.Set<MailboxState>().AsNoTracking()
            where m.UserKey == userKey
            from t in db.Set<ThreadSummary>()
                .Where(t => t.UserKey == m.UserKey && (direction == null || t.Direction == direction) && (allUnanswered || !t.AsksNothing)).DefaultIfEmpty()
            join d in db.Set<DismissalRow>() on new { t.UserKey, t.ThreadKey } equals new { d.UserKey, d.ThreadKey } into dismissals
            from d in dismissals.DefaultIfEmpty()
            select new ThreadListRow
            {
                LastSyncedAt = m.LastSyncedAt,
                ThreadsComputedAt = m.ThreadsComputedAt,
                LastAttemptAt = m.LastAttemptAt,
                LastErrorCode = m.LastErrorCode,
                Thread = t,
                DismissedUpTo = d == null ? null : d.LastMessageAt,
            }));

    public static IAsyncEnumerable<ThreadListRow> Read(FollowUpDbContext db, string userKey, string? direction, bool allUnanswered) =>
        Compiled.For(db)(db, userKey, direction, allUnanswered);
}

internal sealed class ThreadListRow
{
    public DateTimeOffset? LastSyncedAt { get; init; }

    public DateTimeOffset? ThreadsComputedAt { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    public string? LastErrorCode { get; init; }

    public ThreadSummary? Thread { get; init; }

    public DateTimeOffset? DismissedUpTo { get; init; }
}
