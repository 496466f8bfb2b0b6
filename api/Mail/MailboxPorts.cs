using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Mail;

/// <summary>Gives the Graph reader for a user: local mode's one mailbox, or on-behalf-of the signed-in user.</summary>
public interface IMailboxReaderFactory
{
    IMailboxReader Create(string userKey);
}

/// <summary>Work that follows each successful sync of a user's mailbox (rule 7: replies resolve reminders).</summary>
public interface IMailboxSyncListener
{
    /// <param name="reader">The sync's own reader: with Entra ID it acts for the user whose request started the sync,
    /// which a reader created later, after that request ended, could not.</param>
    Task OnSyncedAsync(string userKey, IMailboxReader reader, CancellationToken cancellationToken);
}

/// <summary>The user's rule inputs that are settings (DESIGN.md rule inputs); the addresses come from Graph.</summary>
/// <param name="TimeZone">IANA or Windows id; null means the mailbox's own time zone.</param>
public sealed record DetectionSettings(int WindowHours, int LookbackDays, bool BusinessDays, string? TimeZone)
{
    public static readonly DetectionSettings Default = new(
        FollowUps.DetectionOptions.DefaultWindowHours, FollowUps.DetectionOptions.DefaultLookbackDays, BusinessDays: false, TimeZone: null);
}

/// <summary>Where the sync reads a user's effective settings (their own, clamped by the tenant's policy).</summary>
public interface IDetectionSettingsSource
{
    Task<DetectionSettings> GetAsync(string userKey, CancellationToken cancellationToken);
}

/// <summary>Until settings are stored, everyone gets DESIGN.md's defaults.</summary>
public sealed class DefaultDetectionSettings : IDetectionSettingsSource
{
    public Task<DetectionSettings> GetAsync(string userKey, CancellationToken cancellationToken) => Task.FromResult(DetectionSettings.Default);
}
