namespace OutlookFollowUp.Reminders;

/// <summary>A user's reminders. Every method is scoped to the given user: another user's id is simply not found.</summary>
public interface IReminderStore
{
    /// <summary>Creates a reminder, or returns the one already tracking that message (<c>Created</c> false).</summary>
    Task<(Reminder Reminder, bool Created)> CreateAsync(string userKey, string? messageId, string? internetMessageId, DateTimeOffset remindAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<Reminder>> ListAsync(string userKey, CancellationToken cancellationToken);

    Task<Reminder?> GetAsync(string userKey, string id, CancellationToken cancellationToken);

    /// <summary>Null when not found; the unchanged reminder when it is done or resolved (the caller answers 409).</summary>
    Task<Reminder?> SnoozeAsync(string userKey, string id, DateTimeOffset remindAt, CancellationToken cancellationToken);

    Task<Reminder?> MarkDoneAsync(string userKey, string id, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string userKey, string id, CancellationToken cancellationToken);

    /// <summary>Every user with a reminder.</summary>
    Task<IReadOnlyList<string>> UserKeysAsync(CancellationToken cancellationToken);

    /// <summary>Retention: deletes reminders done or resolved before <paramref name="cutoff"/>; open ones stay (the user asked for them).</summary>
    Task<int> PurgeClosedBeforeAsync(string userKey, DateTimeOffset cutoff, CancellationToken cancellationToken);

    Task DeleteUserAsync(string userKey, CancellationToken cancellationToken);
}
