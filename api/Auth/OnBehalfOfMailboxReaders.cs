using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Auth;

/// <summary>
/// With Entra ID, a user's mailbox is read on behalf of that user, with the token of the request that asked. The sync
/// creates its reader as it starts, inside the request's flow, and the reader keeps the caller's principal (and its
/// saved access token, the OBO assertion) for the rest of the sync.
/// </summary>
internal sealed class OnBehalfOfMailboxReaders(GraphClientFactory factory, IGraphAuthentication graph, IHttpContextAccessor http) : IMailboxReaderFactory
{
    public IMailboxReader Create(string userKey)
    {
        var user = http.HttpContext?.User;
        if (user is null || user.GetUserKey() != userKey)
        {
            // Syncs without a signed-in request (timers, notifications) need long-running OBO sessions: not built yet.
            throw new InvalidOperationException("A mailbox is read on behalf of its signed-in user only, within that user's request.");
        }

        return factory.CreateReader(userKey, graph.For(user, factory.BaseUrl));
    }
}
