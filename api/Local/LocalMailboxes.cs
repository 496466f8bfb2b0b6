using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Local;

/// <summary>
/// Local mode's one mailbox, used through the same Graph SDK code as production (the transport decides what answers);
/// with a pasted token, that token until it expires (<see cref="PastedTokenSource"/>). Given the app's configuration, it
/// serves that run's user alone: rows of another local user in the same data folder (an earlier token, the sample) never
/// get this run's token. Keys outside local mode's own tenant are not local users (a test rig's many mailboxes). Without it (test rigs and benchmarks over many users) it serves any key.
/// </summary>
public sealed class LocalMailboxes(GraphClientFactory factory, PastedTokenSource? pasted = null, IConfiguration? configuration = null) : IMailboxes
{
    private readonly string? _userKey = configuration is null ? null : LocalMode.UserKeyFor(configuration);

    public IMailboxReader Reader(string userKey) => factory.CreateReader(Own(userKey), pasted);

    public IMailboxWriter Writer(string userKey) => factory.CreateWriter(Own(userKey), pasted);

    public IMailboxSubscriptions Subscriptions(string userKey) => factory.CreateSubscriptions(Own(userKey), pasted);

    /// <summary>Teams chats and meetings with the same token: the sample's, or the pasted one (which has the permissions it has).</summary>
    public IAnswerRoutes? Routes(string userKey) => factory.CreateRoutes(Own(userKey), pasted, pasted);

    private string Own(string userKey) => _userKey is null || userKey == _userKey || !LocalMode.IsLocalUserKey(userKey)
        ? userKey
        : throw new MailException("This local run reads one mailbox; another local user's mailbox is used only when they run it with their own token.");
}
