using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Local;

/// <summary>Local mode's one mailbox, used through the same Graph SDK code as production (the transport decides what answers).</summary>
public sealed class LocalMailboxes(GraphClientFactory factory) : IMailboxes
{
    public IMailboxReader Reader(string userKey) => factory.CreateReader(userKey);

    public IMailboxWriter Writer(string userKey) => factory.CreateWriter(userKey);

    public IMailboxSubscriptions Subscriptions(string userKey) => factory.CreateSubscriptions(userKey);
}
