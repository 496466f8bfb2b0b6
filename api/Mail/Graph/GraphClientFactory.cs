using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using OutlookFollowUp.Mail.Graph.Http;
using CoreClientFactory = Microsoft.Graph.GraphClientFactory;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Builds SDK clients for one mailbox over the standard Graph handler chain, plus this app's resilience:
/// breaker (outermost) → SDK defaults with a tuned RetryHandler (the one retry layer) → mailbox gate →
/// per-attempt timeout → request counter → transport. The transport is injectable so tests and the
/// built-in sample mailbox plug in an in-process handler.
/// </summary>
public sealed class GraphClientFactory : IDisposable
{
    private readonly GraphOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpMessageHandler _transport;
    private readonly bool _ownsTransport;
    private readonly MailboxResilienceRegistry _mailboxes;

    public GraphClientFactory(GraphOptions options, TimeProvider time, HttpMessageHandler? transport = null)
    {
        _options = options;
        _time = time;
        _ownsTransport = transport is null;
        // One pooled transport for all mailboxes; recycled connections follow DNS changes.
        _transport = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        _mailboxes = new MailboxResilienceRegistry(options, time);
    }

    public Uri BaseUrl => new(_options.BaseUrl.TrimEnd('/'));

    /// <summary>Counts for one mailbox, across every client built for it (benchmarks and tests read them).</summary>
    public GraphRequestCounter CounterFor(string mailboxKey) => _mailboxes.For(mailboxKey).Counter;

    /// <param name="mailboxKey">Stable per mailbox (e.g. the user's object id): it keys the gate and the breaker.</param>
    /// <param name="tokens">Null means the configured static token (local mode).</param>
    public GraphServiceClient CreateClient(string mailboxKey, IAccessTokenProvider? tokens = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailboxKey);
        var mailbox = _mailboxes.For(mailboxKey);
        var handlers = new List<DelegatingHandler> { new CircuitBreakerHandler(mailbox.Breaker) };
        handlers.AddRange(CoreClientFactory.CreateDefaultHandlers(new GraphClientOptions()).Select(TuneRetry));
        handlers.Add(new MailboxGateHandler(mailbox.Gate));
        handlers.Add(new AttemptTimeoutHandler(_options.Timeout, _time));
        handlers.Add(new RequestCountingHandler(mailbox.Counter));

        // The factory owns the shared transport, so clients must not dispose it.
        var http = CoreClientFactory.Create(handlers, finalHandler: _transport, disposeHandler: false);
        http.Timeout = Timeout.InfiniteTimeSpan; // per-attempt timeout and the caller's token bound each call
        var auth = new BaseBearerTokenAuthenticationProvider(tokens ?? new StaticAccessTokenProvider(_options.AccessToken, BaseUrl));
        return new GraphServiceClient(http, auth, BaseUrl.ToString());
    }

    public GraphMailReader CreateReader(string mailboxKey, IAccessTokenProvider? tokens = null) =>
        new(CreateClient(mailboxKey, tokens), _time, _options.PageSize);

    public void Dispose()
    {
        if (_ownsTransport)
        {
            _transport.Dispose();
        }
    }

    private DelegatingHandler TuneRetry(DelegatingHandler handler) =>
        handler is RetryHandler
            ? new RetryHandler(new RetryHandlerOption { MaxRetry = _options.MaxRetries })
            : handler;
}
