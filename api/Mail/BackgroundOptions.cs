namespace OutlookFollowUp.Mail;

/// <summary>The background worker's settings, under <c>Sync:</c> beside the sync's own.</summary>
public sealed class BackgroundOptions
{
    public const string Section = "Sync";

    /// <summary>A mailbox with open reminders is synced at least this often when nothing else (a notification, the pane) did.</summary>
    public TimeSpan BackgroundInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the worker looks for due reminders (and mailboxes to sync); the due time is met within it.</summary>
    public TimeSpan DueSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Reminders claimed by one statement; each batch is checked and flagged before the next is claimed.</summary>
    public int DueBatchSize { get; set; } = 500;

    /// <summary>How long a claim holds: a sweep that died (crash, stop) leaves its reminders to be taken again after it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between two attempts on a reminder while Graph fails (the wait doubles from the sweep interval).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Mailboxes this instance works on at once, for each kind of background work (due sweep, syncs, renewals): Graph's
    /// waits are per mailbox, so mailboxes go side by side while each stays within its own limits.
    /// </summary>
    public int MailboxConcurrency { get; set; } = 16;

    /// <summary>Off: no worker (a host that only serves requests, or tests that drive the sweep themselves).</summary>
    public bool BackgroundWorker { get; set; } = true;

    internal static bool Valid(BackgroundOptions o) =>
        o.BackgroundInterval >= TimeSpan.FromSeconds(1) && o.DueSweepInterval >= TimeSpan.FromSeconds(1)
        && o.DueBatchSize is >= 1 and <= 5_000 && o.ClaimLease >= TimeSpan.FromSeconds(10) && o.MaxRetryDelay >= o.DueSweepInterval
        && o.MailboxConcurrency is >= 1 and <= 256;
}
