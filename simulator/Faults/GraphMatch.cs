namespace OutlookFollowUp.GraphSimulator;

/// <summary>Which requests, <c>$batch</c> parts or notifications a scripted fault applies to.</summary>
public sealed class GraphMatch
{
    private readonly Func<FaultCall, bool> _test;

    private GraphMatch(string name, FaultScope scopes, Func<FaultCall, bool> test)
    {
        Name = name;
        Scopes = scopes;
        _test = test;
    }

    public string Name { get; }

    /// <summary>Every request sent to the simulator (a <c>$batch</c> as one request, not its parts).</summary>
    public static GraphMatch Any { get; } = new("any request", FaultScope.Request, _ => true);

    /// <summary>Every notification Graph posts to the app (not validations, not lifecycle events: Graph does not lose those).</summary>
    public static GraphMatch Notifications { get; } = new("notifications", FaultScope.Notification, _ => true);

    /// <summary>The <c>$batch</c> POST itself (the whole batch fails; to fail one part, see <see cref="Part"/>).</summary>
    public static GraphMatch Batch { get; } = new("$batch", FaultScope.Request, c => c.Method == HttpMethod.Post && c.Path == "$batch");

    internal FaultScope Scopes { get; }

    /// <summary>Requests whose URL, percent-decoded, contains <paramref name="text"/> (and of that method, when given).</summary>
    public static GraphMatch Url(string text, HttpMethod? method = null) =>
        new($"{method} {text}".TrimStart(), FaultScope.Request, c => (method is null || c.Method == method) && c.Url.Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Requests and <c>$batch</c> parts whose path after the version ("me/chats/19:x/messages") starts with
    /// <paramref name="prefix"/>, of that method when given: Graph throttles a resource however it is asked for.
    /// </summary>
    public static GraphMatch Path(string prefix, HttpMethod? method = null) =>
        new($"{method} /{prefix}".TrimStart(), FaultScope.Request | FaultScope.Part,
            c => (method is null || c.Method == method) && c.Path.StartsWith(prefix.TrimStart('/'), StringComparison.OrdinalIgnoreCase));

    /// <summary><c>$batch</c> parts whose "METHOD url", percent-decoded, contains <paramref name="text"/>; each answers on its own.</summary>
    public static GraphMatch Part(string text) =>
        new($"part {text}", FaultScope.Part, c => $"{c.Method} {c.Url}".Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Requests the test tells apart itself (by a header, the mailbox they are for, a flag it flips).</summary>
    public static GraphMatch Where(Func<HttpRequestMessage, bool> test, string name = "where") =>
        new(name, FaultScope.Request, c => test(c.Request));

    public override string ToString() => Name;

    internal bool Matches(FaultScope scope, FaultCall call) => (Scopes & scope) != 0 && _test(call);
}

/// <summary>A request, <c>$batch</c> part or notification as the fault script sees it.</summary>
/// <param name="Path">Unescaped, after the version segment: "me/mailFolders/inbox/messages/delta()".</param>
/// <param name="Url">The whole URL, percent-decoded.</param>
internal sealed record FaultCall(HttpRequestMessage Request, HttpMethod Method, string Path, string Url);

[Flags]
internal enum FaultScope
{
    Request = 1,
    Part = 2,
    Notification = 4,
}
