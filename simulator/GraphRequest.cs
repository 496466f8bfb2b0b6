using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace OutlookFollowUp.GraphSimulator;

/// <summary>The parts of a request the in-memory Graph reads: the path after the version segment, query, preferences.</summary>
internal sealed partial class GraphRequest
{
    public GraphRequest(HttpRequestMessage request)
    {
        Method = request.Method;
        Uri = request.RequestUri ?? throw new ArgumentException("A request needs a URI.", nameof(request));
        var segments = Uri.AbsolutePath.Trim('/').Split('/');
        var version = Array.FindIndex(segments, s => s is "v1.0" or "beta");
        BasePath = "/" + string.Join('/', segments[..(version + 1)]);
        Path = Uri.UnescapeDataString(string.Join('/', segments[(version + 1)..]));
        Query = QueryHelpers.ParseQuery(Uri.Query); // as Graph reads it: a raw '+' is a space, %2B a plus
        var preferences = request.Headers.TryGetValues("Prefer", out var values)
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).ToList()
            : [];
        ImmutableIds = preferences.Any(p => p.Equals("IdType=\"ImmutableId\"", StringComparison.OrdinalIgnoreCase));
        PrefersText = preferences.Any(p => BodyTextPattern().IsMatch(p));
        MaxPageSize = preferences.Select(p => MaxPageSizePattern().Match(p)).FirstOrDefault(m => m.Success) is { } m
            ? int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)
            : null;
        Preferences = preferences;
    }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    /// <summary>"/v1.0", so that links point back at the same version.</summary>
    public string BasePath { get; }

    /// <summary>Unescaped, without a leading slash: "me/mailFolders/inbox/messages/delta()".</summary>
    public string Path { get; }

    public Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Query { get; }

    public bool ImmutableIds { get; }

    /// <summary>Every <c>Prefer</c> value, one per entry ("outlook.timezone=\"UTC\"").</summary>
    public IReadOnlyList<string> Preferences { get; }

    public int? MaxPageSize { get; }

    /// <summary><c>Prefer: outlook.body-content-type="text"</c>: bodies come as text, else as HTML.</summary>
    public bool PrefersText { get; }

    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) ? v.ToString() : null;

    public string Link(string relativePath, string tokenName, string token) =>
        $"{Uri.GetLeftPart(UriPartial.Authority)}{BasePath}/{relativePath}?{tokenName}={token}";

    [GeneratedRegex(@"^odata\.maxpagesize=(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex MaxPageSizePattern();

    [GeneratedRegex(@"^outlook\.body-content-type=""?text""?$", RegexOptions.IgnoreCase)]
    private static partial Regex BodyTextPattern();
}
