using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Local;

/// <summary>Local mode's one mailbox, read by the same Graph SDK code as production (the transport decides what answers).</summary>
public sealed class LocalMailboxReaders(GraphClientFactory factory) : IMailboxReaderFactory
{
    public IMailboxReader Create(string userKey) => factory.CreateReader(LocalMode.UserKey);
}
