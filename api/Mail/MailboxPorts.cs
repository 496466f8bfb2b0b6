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
