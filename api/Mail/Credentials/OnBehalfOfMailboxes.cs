using System.Security.Claims;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Mail.Credentials;

/// <summary>
/// With Entra ID, a user's mailbox is used with the token of the user's own request when the ports are made inside it
/// (they keep the caller's principal, the OBO assertion, for the rest of the sync), and otherwise — timers,
/// notifications, another user's request — through the user's long-running session or, in app-only mode, with the
/// application's token at <c>/users/{id}</c>.
/// </summary>
internal sealed class OnBehalfOfMailboxes(GraphClientFactory factory, GraphCredentials credentials, IHttpContextAccessor http, RouteCredentials? routes = null)
    : IMailboxes
{
    public IMailboxReader Reader(string userKey) => factory.CreateReader(userKey, Tokens(userKey), UserId(userKey));

    public IMailboxWriter Writer(string userKey) => factory.CreateWriter(userKey, Tokens(userKey), UserId(userKey));

    public IMailboxSubscriptions Subscriptions(string userKey) => factory.CreateSubscriptions(userKey, Tokens(userKey), UserId(userKey));

    /// <summary>
    /// Teams chats and the calendar, each with a token for its own permission; with the application's token (application
    /// mode, nobody at the pane) the calendar only: reading chats with application permissions needs Teams' protected APIs.
    /// </summary>
    public IAnswerRoutes? Routes(string userKey)
    {
        if (routes is null)
        {
            return null;
        }

        if (SignedIn(userKey) is { } user)
        {
            return factory.CreateRoutes(userKey,
                routes.ForSignedInUser(user, userKey, factory.BaseUrl, GraphAnswerRoutes.ChatPermission),
                routes.ForSignedInUser(user, userKey, factory.BaseUrl, GraphAnswerRoutes.CalendarPermission));
        }

        return routes.AppOnly
            ? factory.CreateRoutes(userKey, null, routes.ForApplication(userKey, factory.BaseUrl), UserId(userKey), canReadChats: false)
            : factory.CreateRoutes(userKey,
                routes.ForAbsentUser(userKey, factory.BaseUrl, GraphAnswerRoutes.ChatPermission),
                routes.ForAbsentUser(userKey, factory.BaseUrl, GraphAnswerRoutes.CalendarPermission));
    }

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
