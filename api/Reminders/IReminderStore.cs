namespace OutlookFollowUp.Reminders;

/// <summary>A user's reminders. Every method is scoped to the given user: another user's id is simply not found.</summary>
public interface IReminderStore
{
    /// <summary>Creates a reminder, or moves the open one already tracking that message to the new time (a resolved one is left alone).</summary>
    Task<ReminderCreation> CreateAsync(string userKey, string? messageId, string? internetMessageId, DateTimeOffset remindAt, CancellationToken cancellationToken);

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

    /// <summary>Users with a reminder neither done nor resolved: the mailboxes the background syncs keep up to date.</summary>
    Task<IReadOnlyList<string>> UsersWithOpenRemindersAsync(CancellationToken cancellationToken);

    Task DeleteUserAsync(string userKey, CancellationToken cancellationToken);
}

/// <summary>What POST /api/reminders did.</summary>
public enum ReminderCreationOutcome
{
    /// <summary>A new reminder (201).</summary>
    Created,

    /// <summary>The message's open reminder, moved to the new time (200).</summary>
    Updated,

    /// <summary>The message's open reminder, already at that time (200).</summary>
    Unchanged,

    /// <summary>The message's reminder was resolved by a reply: left as it is (409).</summary>
    Resolved,
}

/// <param name="Indexed">False when the message is not in the index yet: no subject or thread until a sync finds it.</param>
public sealed record ReminderCreation(Reminder Reminder, ReminderCreationOutcome Outcome, bool Indexed);
