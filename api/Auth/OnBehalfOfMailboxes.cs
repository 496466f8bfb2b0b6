using System.Security.Claims;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Auth;

/// <summary>
/// With Entra ID, a user's mailbox is used with the token of the user's own request when the ports are made inside it
/// (they keep the caller's principal, the OBO assertion, for the rest of the sync), and otherwise — timers,
/// notifications, another user's request — through the user's long-running session or, in app-only mode, with the
/// application's token at <c>/users/{id}</c>.
/// </summary>
internal sealed class OnBehalfOfMailboxes(GraphClientFactory factory, GraphCredentials credentials, IHttpContextAccessor http) : IMailboxes
{
    public IMailboxReader Reader(string userKey) => factory.CreateReader(userKey, Tokens(userKey), UserId(userKey));

    public IMailboxWriter Writer(string userKey) => factory.CreateWriter(userKey, Tokens(userKey), UserId(userKey));

    public IMailboxSubscriptions Subscriptions(string userKey) => factory.CreateSubscriptions(userKey, Tokens(userKey), UserId(userKey));

    private IMailboxTokenSource Tokens(string userKey) =>
        SignedIn(userKey) is { } user
            ? credentials.ForSignedInUser(user, userKey, factory.BaseUrl)
            : credentials.ForAbsentUser(userKey, factory.BaseUrl);

    /// <summary>
    /// App-only mode without the user's request: an application has no <c>/me</c>, so the mailbox is addressed by the
    /// user's object id (the user key is "tid:oid"). Null means <c>/me</c>.
    /// </summary>
    private string? UserId(string userKey) =>
        credentials.AppOnly && SignedIn(userKey) is null ? userKey[(userKey.IndexOf(':', StringComparison.Ordinal) + 1)..] : null;

    private ClaimsPrincipal? SignedIn(string userKey) =>
        http.HttpContext?.User is { } user && user.GetUserKey() == userKey ? user : null;
}
