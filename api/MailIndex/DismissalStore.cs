using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;


namespace OutlookFollowUp.MailIndex;

/// <summary>A dismissed thread, as the API shows it.</summary>
/// <param name="Reason"><c>dismissed</c>, or <c>moved_on</c> when the user gave up asking (the last step of the escalation ladder).</param>
/// <param name="Note">The user's note when moving on; null when none.</param>
public sealed record Dismissal(
    string ThreadKey, DateTimeOffset LastMessageAt, DateTimeOffset DismissedAt, string Reason = DismissalReasons.Dismissed, string? Note = null);

/// <summary>Why a thread was hidden; either way it stays hidden until a new message arrives (rule 8).</summary>
public static class DismissalReasons
{
    public const string Dismissed = "dismissed";
    public const string MovedOn = "moved_on";
}

/// <summary>Rule 8: hidden threads, per user. A dismissal hides the thread until a message newer than its last arrives.</summary>
public interface IDismissalStore
{
    /// <summary>Null when the user has no such thread in the index.</summary>
    /// <param name="reason"><see cref="DismissalReasons"/>; <paramref name="note"/> only with <see cref="DismissalReasons.MovedOn"/>.</param>
    Task<Dismissal?> DismissAsync(string userKey, string threadKey, CancellationToken cancellationToken, string reason = DismissalReasons.Dismissed, string? note = null);

    Task<bool> UndoAsync(string userKey, string threadKey, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, DateTimeOffset>> LastMessageTimesAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Every user with a dismissal.</summary>
    Task<IReadOnlyList<string>> UserKeysAsync(CancellationToken cancellationToken);

    /// <summary>Retention: deletes dismissals of threads whose last message is older than <paramref name="cutoff"/>.</summary>
    Task<int> PurgeBeforeAsync(string userKey, DateTimeOffset cutoff, CancellationToken cancellationToken);

    Task DeleteUserAsync(string userKey, CancellationToken cancellationToken);
}

internal sealed class DismissalStore(FollowUpDbContext db, TimeProvider time) : IDismissalStore
{
    public async Task<Dismissal?> DismissAsync(
        string userKey, string threadKey, CancellationToken cancellationToken, string reason = DismissalReasons.Dismissed, string? note = null)
    {
        var movedOn = reason == DismissalReasons.MovedOn;
        var thread = await db.Set<ThreadSummary>().AsNoTracking().SingleOrDefaultAsync(t => t.UserKey == userKey && t.ThreadKey == threadKey, cancellationToken);
        if (thread is null)
        {
            return null;
        }

        try
        {
            var row = await db.Set<DismissalRow>().SingleOrDefaultAsync(d => d.UserKey == userKey && d.ThreadKey == threadKey, cancellationToken);
            if (row is null)
            {
                row = new DismissalRow { UserKey = userKey, ThreadKey = threadKey };
                db.Set<DismissalRow>().Add(row);
            }

            row.LastMessageAt = thread.Since;
            row.DismissedAt = time.GetUtcNow();
            row.Reason = movedOn ? DismissalReasons.MovedOn : null;
            row.Note = movedOn ? note : null;
            await db.SaveChangesAsync(cancellationToken);
            return ToDismissal(row);
        }
        catch (DbUpdateException e) when (StorageWrites.IsUniqueViolation(e))
        {
            // Two dismissals of one thread at once: the other one's row is stored, and is the answer. Any other failure
            // propagates: the route must not say "dismissed" for a write that did not happen.
            db.ChangeTracker.Clear();
            return await db.Set<DismissalRow>().AsNoTracking().SingleOrDefaultAsync(d => d.UserKey == userKey && d.ThreadKey == threadKey, cancellationToken) is { } stored
                ? ToDismissal(stored)
                : throw new DbUpdateException("The dismissal raced with its removal; nothing is stored.", e);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static Dismissal ToDismissal(DismissalRow row) =>
        new(row.ThreadKey, row.LastMessageAt, row.DismissedAt, row.Reason ?? DismissalReasons.Dismissed, row.Note);

    public async Task<bool> UndoAsync(string userKey, string threadKey, CancellationToken cancellationToken) =>
        await db.Set<DismissalRow>().Where(d => d.UserKey == userKey && d.ThreadKey == threadKey).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastMessageTimesAsync(string userKey, CancellationToken cancellationToken) =>
        await db.Set<DismissalRow>().AsNoTracking().Where(d => d.UserKey == userKey)
            .ToDictionaryAsync(d => d.ThreadKey, d => d.LastMessageAt, StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlyList<string>> UserKeysAsync(CancellationToken cancellationToken) =>
        await db.Set<DismissalRow>().AsNoTracking().Select(d => d.UserKey).Distinct().ToListAsync(cancellationToken);

    public Task<int> PurgeBeforeAsync(string userKey, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        db.Set<DismissalRow>().Where(d => d.UserKey == userKey && d.LastMessageAt < cutoff).ExecuteDeleteAsync(cancellationToken);

    public Task DeleteUserAsync(string userKey, CancellationToken cancellationToken) =>
        db.Set<DismissalRow>().Where(d => d.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
}
