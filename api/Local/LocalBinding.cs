using System.Net;

namespace OutlookFollowUp.Local;

/// <summary>
/// Local mode serves a mailbox with no sign-in, so it listens on loopback only unless <c>Local:AllowRemote</c> says
/// otherwise. The addresses come from <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>DOTNET_URLS</c>) and
/// <c>Kestrel:Endpoints:*:Url</c> before the start, and from the server itself once it is bound (which also covers
/// <c>ASPNETCORE_HTTP_PORTS</c> and bindings made in code).
/// </summary>
public static class LocalBinding
{
    public const string AllowRemoteKey = "Local:AllowRemote";

    public static bool AllowsRemote(IConfiguration configuration) => configuration.GetValue<bool>(AllowRemoteKey);

    /// <summary>The one line to print when the configured addresses reach beyond loopback and that was not asked for.</summary>
    public static string? RefusalReason(IConfiguration configuration)
    {
        if (AllowsRemote(configuration))
        {
            return null;
        }

        var configured = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return BeyondLoopback(configured) is [var first, ..] ? Refusal(first) : null;
    }

    public static string Refusal(string address) =>
        $"Local mode (no AzureAd:ClientId configured) listens on loopback only, but {address} reaches beyond it: use " +
        $"http://localhost:<port>, or set {AllowRemoteKey}=true to let other machines read this mailbox with no sign-in.";

    /// <summary>The addresses that other machines could reach.</summary>
    public static IReadOnlyList<string> BeyondLoopback(IEnumerable<string> addresses) =>
        [.. addresses.Where(a => !IsLoopback(a))];

    /// <summary>"http://localhost:5000", "http://127.0.0.1:0", "https://[::1]:5001"; a Unix socket or named pipe is local too.</summary>
    public static bool IsLoopback(string address)
    {
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? address : address[(schemeEnd + 3)..];
        if (rest.StartsWith("unix:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("pipe:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var authority = rest.Split('/', 2)[0];
        var host = authority.StartsWith('[') ? authority[..(authority.IndexOf(']', StringComparison.Ordinal) + 1)]
            : authority.Split(':', 2)[0];
        return IsLoopbackHost(host);
    }

    /// <summary>localhost, 127.0.0.0/8 or [::1]; "*", "+", "0.0.0.0", "[::]" and every other name are not.</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
