namespace OutlookFollowUp.Mail;

/// <summary>
/// A user's Outlook working hours, read from Graph at most once a day per user whatever the number of instances: the
/// morning digest keeps them, and the due sweep's away step reads the same.
/// </summary>
public interface ISharedWorkingHours
{
    /// <returns>Null when Graph would not say.</returns>
    Task<WorkingHours?> GetAsync(string userKey, IMailboxReader reader, TimeZoneInfo userZone, CancellationToken cancellationToken);
}
