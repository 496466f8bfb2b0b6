using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Reminders;

/// <summary>EF Core <see cref="IReminderStore"/>. Writes hold the per-user lock, so two creates for one message make one reminder.</summary>
internal sealed class ReminderStore(FollowUpDbContext db, IThreadIndex index, TimeProvider time) : IReminderStore
{
    public Task<ReminderCreation> CreateAsync(
        string userKey, string? messageId, string? internetMessageId, DateTimeOffset remindAt, CancellationToken cancellationToken) =>
        DatabaseLocks.WriteForUserAsync(db, userKey, async ct =>
        {
            // The index knows the other id, the subject and the thread when the message was synced already.
            var indexed = await index.FindMessageAsync(userKey, messageId, internetMessageId, ct);
            messageId ??= indexed?.Id;
            internetMessageId ??= indexed?.InternetMessageId;

            var existing = await db.Set<ReminderRow>()
                .Where(r => r.UserKey == userKey && r.DoneAt == null
                    && ((messageId != null && r.MessageId == messageId) || (internetMessageId != null && r.InternetMessageId == internetMessageId)))
                .OrderBy(r => r.CreatedAt).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                // The message's reminder: moved to the new time while open, left alone once a reply resolved it.
                var outcome = existing.ResolvedAt is not null ? ReminderCreationOutcome.Resolved
                    : existing.RemindAt == remindAt.ToUniversalTime() ? ReminderCreationOutcome.Unchanged
                    : ReminderCreationOutcome.Updated;
                if (outcome == ReminderCreationOutcome.Updated)
                {
                    existing.RemindAt = remindAt.ToUniversalTime();
                    await db.SaveChangesAsync(ct);
                }

                db.ChangeTracker.Clear();
                return new ReminderCreation(ToReminder(existing), outcome, indexed is not null);
            }

            var now = time.GetUtcNow();
            var row = new ReminderRow
            {
                UserKey = userKey,
                Id = Guid.CreateVersion7(now).ToString("N"),
                MessageId = messageId,
                InternetMessageId = internetMessageId,
                ThreadKey = indexed?.ConversationId,
                Subject = indexed?.Subject ?? "",
                RemindAt = remindAt.ToUniversalTime(),
                CreatedAt = now,
            };
            db.Set<ReminderRow>().Add(row);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return new ReminderCreation(ToReminder(row), ReminderCreationOutcome.Created, indexed is not null);
        }, cancellationToken);

    // Compiled: every uncached thread list reads the user's reminders.
    private static readonly CompiledPerModel<Func<FollowUpDbContext, string, IAsyncEnumerable<ReminderRow>>> ByUser =
        new(() => EF.CompileAsyncQuery((FollowUpDbContext db, string userKey) => db.Set<ReminderRow>().AsNoTracking().Where(r => r.UserKey == userKey)));

    public async Task<IReadOnlyList<Reminder>> ListAsync(string userKey, CancellationToken cancellationToken)
    {
        // Sorted here (remind-at, then id by ordinal), the same on both providers.
        var rows = await ByUser.For(db)(db, userKey).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.RemindAt).ThenBy(r => r.Id, StringComparer.Ordinal).Select(ToReminder)];
    }

    public async Task<Reminder?> GetAsync(string userKey, string id, CancellationToken cancellationToken) =>
        await db.Set<ReminderRow>().AsNoTracking().SingleOrDefaultAsync(r => r.UserKey == userKey && r.Id == id, cancellationToken) is { } row ? ToReminder(row) : null;

    public Task<Reminder?> SnoozeAsync(string userKey, string id, DateTimeOffset remindAt, CancellationToken cancellationToken) =>
        UpdateAsync(userKey, id, row =>
        {
            if (row.DoneAt is null && row.ResolvedAt is null)
            {
                row.RemindAt = remindAt.ToUniversalTime();
            }
        }, cancellationToken);

    public Task<Reminder?> MarkDoneAsync(string userKey, string id, CancellationToken cancellationToken) =>
        UpdateAsync(userKey, id, row => row.DoneAt ??= time.GetUtcNow(), cancellationToken);

    public async Task<bool> DeleteAsync(string userKey, string id, CancellationToken cancellationToken) =>
        await db.Set<ReminderRow>().Where(r => r.UserKey == userKey && r.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<IReadOnlyList<string>> UserKeysAsync(CancellationToken cancellationToken) =>
        await db.Set<ReminderRow>().AsNoTracking().Select(r => r.UserKey).Distinct().ToListAsync(cancellationToken);

    public Task<int> PurgeClosedBeforeAsync(string userKey, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        db.Set<ReminderRow>()
            .Where(r => r.UserKey == userKey && ((r.DoneAt != null && r.DoneAt < cutoff) || (r.ResolvedAt != null && r.ResolvedAt < cutoff)))
            .ExecuteDeleteAsync(cancellationToken);

    public Task DeleteUserAsync(string userKey, CancellationToken cancellationToken) =>
        db.Set<ReminderRow>().Where(r => r.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);

    private async Task<Reminder?> UpdateAsync(string userKey, string id, Action<ReminderRow> change, CancellationToken cancellationToken)
    {
        try
        {
            var row = await db.Set<ReminderRow>().SingleOrDefaultAsync(r => r.UserKey == userKey && r.Id == id, cancellationToken);
            if (row is null)
            {
                return null;
            }

            change(row);
            await db.SaveChangesAsync(cancellationToken);
            return ToReminder(row);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private Reminder ToReminder(ReminderRow r) => new(
        r.Id, r.MessageId, r.InternetMessageId, r.ThreadKey, r.Subject, r.RemindAt, r.CreatedAt, StatusOf(r, time.GetUtcNow()), r.DoneAt, r.ResolvedAt);

    internal static ReminderStatus StatusOf(ReminderRow r, DateTimeOffset now) =>
        r.DoneAt is not null ? ReminderStatus.Done
        : r.ResolvedAt is not null ? ReminderStatus.Resolved
        : r.RemindAt <= now ? ReminderStatus.Due
        : ReminderStatus.Scheduled;
}
