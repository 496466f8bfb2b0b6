using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Builds the Graph adapter for one mailbox: an SDK client over the shared <see cref="GraphHttp"/> pipeline, its
/// requests tagged with the mailbox so that the breaker, the concurrency limit and the counter are the mailbox's own.
/// </summary>
public sealed class GraphClientFactory(
    IHttpMessageHandlerFactory handlers, IOptions<GraphOptions> options, TimeProvider time, GraphRequestCounters counters)
{
    private readonly GraphOptions _options = options.Value;

    public Uri BaseUrl => new(_options.BaseUrl.TrimEnd('/'));

    /// <summary>Counts for one mailbox, across every client built for it (benchmarks and tests read them).</summary>
    public GraphRequestCounter CounterFor(string mailboxKey) => counters.For(mailboxKey);

    /// <param name="mailboxKey">Stable per mailbox (e.g. the user's object id): it keys the breaker and the limit.</param>
    /// <param name="tokens">Null means the configured static token (local mode).</param>
    public GraphMailReader CreateReader(string mailboxKey, IMailboxTokenSource? tokens = null) =>
        new(CreateClient(mailboxKey, tokens), time, _options.PageSize);

    public GraphMailWriter CreateWriter(string mailboxKey, IMailboxTokenSource? tokens = null) =>
        new(CreateClient(mailboxKey, tokens));

    public GraphSubscriptions CreateSubscriptions(string mailboxKey, IMailboxTokenSource? tokens = null) =>
        new(CreateClient(mailboxKey, tokens), time);

    private GraphServiceClient CreateClient(string mailboxKey, IMailboxTokenSource? tokens)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailboxKey);
        // The factory owns the chain and shares it between mailboxes, so this client must not dispose it.
        var http = new HttpClient(new GraphHttp.MailboxTagHandler(mailboxKey, handlers.CreateHandler(GraphHttp.ClientName)), disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan, // the attempt timeout and the caller's token bound each call
        };
        var auth = new BaseBearerTokenAuthenticationProvider(new GraphTokenProvider(tokens, _options.AccessToken, BaseUrl));
        return new GraphServiceClient(http, auth, BaseUrl.ToString());
    }
}
