using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Local;

/// <summary>
/// Local mode's one mailbox, used through the same Graph SDK code as production (the transport decides what answers);
/// with a pasted token, that token until it expires (<see cref="PastedTokenSource"/>).
/// </summary>
public sealed class LocalMailboxes(GraphClientFactory factory, PastedTokenSource? pasted = null) : IMailboxes
{
    public IMailboxReader Reader(string userKey) => factory.CreateReader(userKey, pasted);

    public IMailboxWriter Writer(string userKey) => factory.CreateWriter(userKey, pasted);

    public IMailboxSubscriptions Subscriptions(string userKey) => factory.CreateSubscriptions(userKey, pasted);

    /// <summary>Teams chats and meetings with the same token: the sample's, or the pasted one (which has the permissions it has).</summary>
    public IAnswerRoutes? Routes(string userKey) => factory.CreateRoutes(userKey, pasted, pasted);
}
