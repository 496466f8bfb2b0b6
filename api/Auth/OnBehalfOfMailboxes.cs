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
    public IMailboxReader Reader(string userKey) =>
        SignedIn(userKey) is { } user
            ? factory.CreateReader(userKey, credentials.ForSignedInUser(user, userKey, factory.BaseUrl))
            : factory.CreateReader(userKey, credentials.ForAbsentUser(userKey, factory.BaseUrl), AppOnlyUser(userKey));

    public IMailboxWriter Writer(string userKey) =>
        SignedIn(userKey) is { } user
            ? factory.CreateWriter(userKey, credentials.ForSignedInUser(user, userKey, factory.BaseUrl))
            : factory.CreateWriter(userKey, credentials.ForAbsentUser(userKey, factory.BaseUrl), AppOnlyUser(userKey));

    private System.Security.Claims.ClaimsPrincipal? SignedIn(string userKey) =>
        http.HttpContext?.User is { } user && user.GetUserKey() == userKey ? user : null;

    /// <summary>An application has no <c>/me</c>: it addresses the user's mailbox by object id (the user key is "tid:oid").</summary>
    private string? AppOnlyUser(string userKey) => credentials.AppOnly ? userKey[(userKey.IndexOf(':', StringComparison.Ordinal) + 1)..] : null;
}
