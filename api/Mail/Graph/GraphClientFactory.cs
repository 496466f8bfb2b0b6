using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Builds the Graph adapter for one mailbox: an SDK client over the shared <see cref="GraphHttp"/> pipeline, its
/// requests tagged with the mailbox so that the breaker, the concurrency limit and the counter are the mailbox's own.
/// </summary>
public sealed class GraphClientFactory(
    IHttpMessageHandlerFactory handlers, IOptions<GraphOptions> options, IOptions<AddInOptions> addIn, TimeProvider time, GraphRequestCounters counters)
{
    private readonly GraphOptions _options = options.Value;
    private readonly string _customProperties = addIn.Value.CustomPropertiesProperty;

    public Uri BaseUrl => new(_options.BaseUrl.TrimEnd('/'));

    /// <summary>Counts for one mailbox, across every client built for it (benchmarks and tests read them).</summary>
    public GraphRequestCounter CounterFor(string mailboxKey) => counters.For(mailboxKey);

    /// <param name="mailboxKey">Stable per mailbox (e.g. the user's object id): it keys the breaker and the limit.</param>
    /// <param name="tokens">Null means the configured static token (local mode).</param>
    /// <param name="userId">App-only mode: the user whose mailbox <c>/me</c> means (<see cref="GraphUserPath"/>).</param>
    public GraphMailReader CreateReader(string mailboxKey, IMailboxTokenSource? tokens = null, string? userId = null) =>
        new(CreateClient(mailboxKey, tokens, userId), time, _options, _customProperties) { AppOnly = userId is not null };

    public GraphMailWriter CreateWriter(string mailboxKey, IMailboxTokenSource? tokens = null, string? userId = null) =>
        new(CreateClient(mailboxKey, tokens, userId), time, _options);

    /// <param name="userId">App-only mode: subscriptions watch <c>users/{id}/…</c>, requests go to <c>/users/{id}</c>.</param>
    public GraphSubscriptions CreateSubscriptions(string mailboxKey, IMailboxTokenSource? tokens = null, string? userId = null) =>
        new(CreateClient(mailboxKey, tokens, userId), time, userId);

    /// <summary>The other routes of an answer, each route with its own token source (an optional permission each).</summary>
    /// <param name="chatTokens">Null with <paramref name="canReadChats"/> means the configured static token (local mode).</param>
    /// <param name="canReadChats">False for the application's own token: reading chats then needs Teams' protected APIs.</param>
    public GraphAnswerRoutes CreateRoutes(
        string mailboxKey, IMailboxTokenSource? chatTokens, IMailboxTokenSource? calendarTokens, string? userId = null, bool canReadChats = true) =>
        new(canReadChats ? CreateClient(mailboxKey, chatTokens, userId) : null, CreateClient(mailboxKey, calendarTokens, userId), time, _options);

    private GraphServiceClient CreateClient(string mailboxKey, IMailboxTokenSource? tokens, string? userId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailboxKey);
        HttpMessageHandler chain = new GraphHttp.MailboxTagHandler(mailboxKey, handlers.CreateHandler(GraphHttp.ClientName));
        if (userId is not null)
        {
            chain = new GraphUserPath(userId, BaseUrl, chain);
        }

        // The factory owns the chain and shares it between mailboxes, so this client must not dispose it.
        var http = new HttpClient(chain, disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan, // the attempt timeout and the caller's token bound each call
        };
        var auth = new BaseBearerTokenAuthenticationProvider(new GraphTokenProvider(tokens, _options.AccessToken, BaseUrl));
        return new GraphServiceClient(http, auth, BaseUrl.ToString());
    }
}
