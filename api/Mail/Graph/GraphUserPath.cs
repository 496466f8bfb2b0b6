using System.Text;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// App-only mode: an application has no <c>/me</c>, so the adapter's requests for <c>/me/…</c> go to
/// <c>/users/{id}/…</c> of the same mailbox, in the URL and in each part of a <c>$batch</c>. Links Graph returns
/// (next and delta links) already name the user and pass unchanged.
/// </summary>
internal sealed class GraphUserPath(string userId, Uri graphBaseUrl, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly string _basePath = graphBaseUrl.AbsolutePath.TrimEnd('/');
    private readonly string _users = "/users/" + Uri.EscapeDataString(userId);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.AbsolutePath.StartsWith(_basePath + "/", StringComparison.OrdinalIgnoreCase)
            && Rewrite(uri.AbsolutePath[_basePath.Length..]) is { } path)
        {
            request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Authority) + _basePath + path + uri.Query);
        }

        if (request.Content is not null && request.RequestUri?.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) == true)
        {
            request.Content = await RewriteBatchAsync(request.Content, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>"/me" or "/me/…" (relative to the version) as "/users/{id}…"; null for any other path.</summary>
    private string? Rewrite(string path)
    {
        var relative = path.StartsWith('/') ? path : "/" + path;
        return relative.Equals("/me", StringComparison.OrdinalIgnoreCase) || relative.StartsWith("/me/", StringComparison.OrdinalIgnoreCase)
            || relative.StartsWith("/me?", StringComparison.OrdinalIgnoreCase)
            ? _users + relative[3..]
            : null;
    }

    private async Task<HttpContent> RewriteBatchAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var body = await content.ReadAsStringAsync(cancellationToken);
        if (JsonNode.Parse(body) is not JsonObject batch || batch["requests"] is not JsonArray requests)
        {
            return new StringContent(body, Encoding.UTF8, "application/json");
        }

        foreach (var part in requests.OfType<JsonObject>())
        {
            if (part["url"]?.GetValue<string>() is { } url && Rewrite(url) is { } rewritten)
            {
                part["url"] = rewritten;
            }
        }

        return new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json");
    }
}
