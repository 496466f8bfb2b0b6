using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookFollowUp.GraphSimulator;

/// <summary>
/// A message's body as the in-memory Graph keeps and serves it: stored as text, served as HTML unless the request
/// prefers text (<c>Prefer: outlook.body-content-type="text"</c>), with Graph's <c>bodyPreview</c> beside it.
/// </summary>
internal static partial class InMemoryBody
{
    /// <summary>Graph's bodyPreview holds the body's first 255 characters.</summary>
    public const int PreviewLength = 255;

    /// <summary>The body's text with every run of whitespace (line breaks too) as one space, cut at 255 characters.</summary>
    public static string Preview(string? text)
    {
        var collapsed = Whitespace().Replace(text ?? "", " ").Trim();
        return collapsed.Length <= PreviewLength ? collapsed : collapsed[..PreviewLength];
    }

    /// <summary>The stored form: always text, so the request's preference decides what is served.</summary>
    public static JsonObject Stored(string? text) => new() { ["contentType"] = "text", ["content"] = text ?? "" };

    /// <summary>A stored body (text, or HTML from a raw sample) in the form the request prefers.</summary>
    public static JsonObject Served(JsonNode? stored, bool preferText)
    {
        var html = string.Equals((string?)stored?["contentType"], "html", StringComparison.OrdinalIgnoreCase);
        var content = (string?)stored?["content"] ?? "";
        if (preferText)
        {
            return new JsonObject { ["contentType"] = "text", ["content"] = html ? ToText(content) : content };
        }

        return new JsonObject { ["contentType"] = "html", ["content"] = html ? content : ToHtml(content) };
    }

    /// <summary>As Exchange renders a text body: one paragraph per line, the text encoded.</summary>
    private static string ToHtml(string text)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var html = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>");
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            html.Append("<div>").Append(line.Length == 0 ? "<br>" : WebUtility.HtmlEncode(line)).Append("</div>");
        }

        return html.Append("</body></html>").ToString();
    }

    /// <summary>Tags dropped, block ends as line breaks, entities decoded: enough for sample HTML.</summary>
    private static string ToText(string html)
    {
        var withBreaks = BlockEnd().Replace(html, "\n");
        return WebUtility.HtmlDecode(Tag().Replace(withBreaks, "")).Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<(?:br\s*/?|/div|/p)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
