using System.Text.RegularExpressions;
using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Tests.Auth;

/// <summary>One Graph request: its path as sent and the bearer token it carried.</summary>
public sealed record GraphCall(string Method, string Path, string? Bearer);

/// <summary>
/// The Graph test server (<see cref="InMemoryGraphHandler"/> over one in-memory mailbox) behind a recorder of paths and bearer
/// tokens. It knows its mailbox's user by object id too, so <c>/users/{id}/…</c> (app-only mode) reaches the same mailbox.
/// </summary>
public sealed partial class GraphRecorder : DelegatingHandler
{
    private readonly Lock _lock = new();
    private readonly List<GraphCall> _calls = [];
    private readonly string _userId;

    public GraphRecorder(InMemoryMailbox mailbox, string userId)
        : base(new InMemoryGraphHandler(mailbox))
    {
        _userId = userId;
        Graph = (InMemoryGraphHandler)InnerHandler!;
    }

    public InMemoryGraphHandler Graph { get; }

    public IReadOnlyList<GraphCall> Calls { get { lock (_lock) { return [.. _calls]; } } }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        lock (_lock)
        {
            _calls.Add(new GraphCall(request.Method.Method, uri.AbsolutePath, request.Headers.Authorization?.Parameter));
        }

        if (UsersPath().Match(uri.AbsolutePath) is { Success: true } users)
        {
            if (!string.Equals(Uri.UnescapeDataString(users.Groups["id"].Value), _userId, StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound));
            }

            request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Authority) + users.Groups["base"].Value + "/me" + users.Groups["rest"].Value + uri.Query);
        }

        return base.SendAsync(request, cancellationToken);
    }

    [GeneratedRegex("^(?<base>/v1\\.0)/users/(?<id>[^/]+)(?<rest>/.*)?$")]
    private static partial Regex UsersPath();
}
