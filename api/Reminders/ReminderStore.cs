using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Reminders;

/// <summary>EF Core <see cref="IReminderStore"/>. Writes hold the per-user lock, so two creates for one message make one reminder.</summary>
internal sealed class ReminderStore(FollowUpDbContext db, IThreadIndex index, TimeProvider time) : IReminderStore
{
    public async Task<ReminderCreation> CreateAsync(
        string userKey, string? messageId, string? internetMessageId, DateTimeOffset remindAt, CancellationToken cancellationToken)
    {
        try
        {
            return await CreateOnceAsync(userKey, messageId, internetMessageId, remindAt, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The open reminder it found was removed meanwhile by a writer outside the user's lock (retention, erasure): create anew.
            return await CreateOnceAsync(userKey, messageId, internetMessageId, remindAt, cancellationToken);
        }
    }

    private Task<ReminderCreation> CreateOnceAsync(
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
                    Reschedule(existing, remindAt);
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
                SweepAt = remindAt.ToUniversalTime(),
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
        // Sorted here (due ones first, then remind-at, then id by ordinal), the same on both providers.
        var rows = await ByUser.For(db)(db, userKey).ToListAsync(cancellationToken);
        return [.. rows.Select(ToReminder).OrderBy(r => r.Status != ReminderStatus.Due).ThenBy(r => r.RemindAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    public async Task<Reminder?> GetAsync(string userKey, string id, CancellationToken cancellationToken) =>
        await db.Set<ReminderRow>().AsNoTracking().SingleOrDefaultAsync(r => r.UserKey == userKey && r.Id == id, cancellationToken) is { } row ? ToReminder(row) : null;

    public Task<Reminder?> SnoozeAsync(string userKey, string id, DateTimeOffset remindAt, CancellationToken cancellationToken) =>
        UpdateAsync(userKey, id, row =>
        {
            if (row.DoneAt is null && row.ResolvedAt is null)
            {
                Reschedule(row, remindAt);
            }
        }, cancellationToken);

    public Task<Reminder?> MarkDoneAsync(string userKey, string id, CancellationToken cancellationToken) =>
        UpdateAsync(userKey, id, row =>
        {
            if (row.DoneAt is null)
            {
                row.DoneAt = time.GetUtcNow();
                row.DoneBy = ReminderClosedBy.User;
                // The endpoint completes the flag itself; a sweep holding the row loses its claim.
                (row.SweepAt, row.ClaimId, row.FlagWanted) = (null, null, null);
            }
        }, cancellationToken);

    /// <summary>A new time for an open reminder (snooze, or a create for a tracked message): scheduled again, a due one too.</summary>
    private static void Reschedule(ReminderRow row, DateTimeOffset remindAt)
    {
        row.RemindAt = remindAt.ToUniversalTime();
        row.DueAt = null;
        row.Away = null; // the user chose the time: an earlier hold's note no longer explains it
        row.RouteHold = null;
        (row.SweepAt, row.ClaimId, row.SweepAttempts, row.FlagWanted) = (row.RemindAt, null, 0, null);
    }

    // Under the user's lock, like every write of the endpoints, so a snooze or create never saves a row deleted under it.
    public Task<bool> DeleteAsync(string userKey, string id, CancellationToken cancellationToken) =>
        DatabaseLocks.WriteForUserAsync(db, userKey, async ct =>
            await db.Set<ReminderRow>().Where(r => r.UserKey == userKey && r.Id == id).ExecuteDeleteAsync(ct) > 0, cancellationToken);

    public async Task<IReadOnlyList<string>> UserKeysAsync(CancellationToken cancellationToken) =>
        await db.Set<ReminderRow>().AsNoTracking().Select(r => r.UserKey).Distinct().ToListAsync(cancellationToken);

    public async Task<int> PurgeClosedBeforeAsync(string userKey, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // A mark taken that long ago is no longer needed to keep its deleted reminder from coming back.
        await db.Set<ComposeMarkRow>().Where(m => m.UserKey == userKey && m.TrackedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return await db.Set<ReminderRow>()
            .Where(r => r.UserKey == userKey && ((r.DoneAt != null && r.DoneAt < cutoff) || (r.ResolvedAt != null && r.ResolvedAt < cutoff)))
            .ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> UsersWithOpenRemindersAsync(CancellationToken cancellationToken) =>
        await db.Set<ReminderRow>().AsNoTracking()
            .Where(r => r.DoneAt == null && r.ResolvedAt == null).Select(r => r.UserKey).Distinct().ToListAsync(cancellationToken);

    public async Task DeleteUserAsync(string userKey, CancellationToken cancellationToken)
    {
        await db.Set<ComposeMarkRow>().Where(m => m.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReminderRow>().Where(r => r.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Null when the reminder is not there, or was removed between the read and the write (retention, erasure).</summary>
    private async Task<Reminder?> UpdateAsync(string userKey, string id, Action<ReminderRow> change, CancellationToken cancellationToken)
    {
        try
        {
            return await DatabaseLocks.WriteForUserAsync(db, userKey, async ct =>
            {
                var row = await db.Set<ReminderRow>().SingleOrDefaultAsync(r => r.UserKey == userKey && r.Id == id, ct);
                if (row is null)
                {
                    return null;
                }

                change(row);
                await db.SaveChangesAsync(ct);
                return ToReminder(row);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    internal static Reminder ToReminder(ReminderRow r) => new(
        r.Id, r.MessageId, r.InternetMessageId, r.ThreadKey, r.Subject, r.RemindAt, r.CreatedAt, StatusOf(r), r.DoneAt, r.ResolvedAt,
        r.DueAt,
        r.ResolvedAt is not null && r.ResolvedByAddress is { } address ? ResolvedBy(r.ResolvedByName, address, RouteResolution.FromStored(r.ResolvedRoute)) : null,
        r.DoneAt is not null ? r.DoneBy ?? ReminderClosedBy.User : r.ResolvedAt is not null ? ReminderClosedBy.Reply : null,
        r.Source)
    {
        Away = r.DoneAt is null && r.ResolvedAt is null ? global::OutlookFollowUp.Away.AwayNote.FromStored(r.Away) : null,
        Hold = r.DoneAt is null && r.ResolvedAt is null ? MeetingHoldNote.FromStored(r.RouteHold) : null,
    };

    /// <summary>Who answered, and how: by mail unless the stored route says otherwise.</summary>
    private static ReminderPerson ResolvedBy(string? name, string address, RouteResolution? route) => new(name, address)
    {
        Route = route?.Route ?? global::OutlookFollowUp.FollowUps.AnswerRoute.Mail,
        At = route?.At,
        For = route?.For is { } who ? new ReminderPerson(who.Name, who.Address) : null,
        Note = route?.Note,
    };

    /// <summary>Stored, never derived from the clock: "due" is what the sweep confirmed in Graph, not just a time that passed.</summary>
    internal static ReminderStatus StatusOf(ReminderRow r) =>
        r.DoneAt is not null ? ReminderStatus.Done
        : r.ResolvedAt is not null ? ReminderStatus.Resolved
        : r.DueAt is not null ? ReminderStatus.Due
        : ReminderStatus.Scheduled;
}
