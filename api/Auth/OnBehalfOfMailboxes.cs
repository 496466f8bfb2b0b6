using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Auth;

/// <summary>
/// With Entra ID, a user's mailbox is used on behalf of that user, with the token of the request that asked. The sync
/// creates its ports as it starts, inside the request's flow, and they keep the caller's principal (and its saved
/// access token, the OBO assertion) for the rest of the sync.
/// </summary>
internal sealed class OnBehalfOfMailboxes(GraphClientFactory factory, IGraphAuthentication graph, IHttpContextAccessor http) : IMailboxes
{
    public IMailboxReader Reader(string userKey) => factory.CreateReader(userKey, Tokens(userKey));

    public IMailboxWriter Writer(string userKey) => factory.CreateWriter(userKey, Tokens(userKey));

    public IMailboxSubscriptions Subscriptions(string userKey) => factory.CreateSubscriptions(userKey, Tokens(userKey));

    private IMailboxTokenSource? Tokens(string userKey)
    {
        var user = http.HttpContext?.User;
        if (user is null || user.GetUserKey() != userKey)
        {
            // Syncs without a signed-in request (timers, notifications) need long-running OBO sessions: not built yet.
            throw new InvalidOperationException("A mailbox is used on behalf of its signed-in user only, within that user's request.");
        }

        return graph.For(user, factory.BaseUrl);
    }
}
