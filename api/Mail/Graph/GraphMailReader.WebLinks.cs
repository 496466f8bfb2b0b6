using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Graph's <c>webLink</c> of each message (the morning digest's links): <c>GET /me/messages/{id}?$select=webLink</c> per
/// message, all of them as parts of one <c>$batch</c> (20 to a request). The index stores no <c>webLink</c> (it is long
/// and only the digest needs it), so a digest asks for the few it lists. A part that fails leaves its message out.
/// </summary>
public sealed partial class GraphMailReader
{
    public async Task<IReadOnlyDictionary<string, string>> GetWebLinksAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        var parts = messageIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal)
            .Select(id => new GraphBatchPart(id, () => client.Me.Messages[id].ToGetRequestInformation(c =>
            {
                c.QueryParameters.Select = ["webLink"];
                AddPreferences(c.Headers);
            }))).ToList();
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parts.Count == 0)
        {
            return links;
        }

        foreach (var (id, outcome) in await new GraphBatch(client, time, options).SendAsync(parts, ReadPermission, cancellationToken))
        {
            if (outcome.Body is null)
            {
                continue; // gone since the sync, or failed: the digest links it without webLink
            }

            try
            {
                var message = await KiotaJsonSerializer.DeserializeAsync(outcome.Body, Message.CreateFromDiscriminatorValue, cancellationToken);
                // Only an https link goes into a mail the user will click.
                if (Uri.TryCreate(message?.WebLink, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps)
                {
                    links[id] = link.AbsoluteUri;
                }
            }
            catch (Exception ex) when (GraphFailures.Translate(ex, ReadPermission, cancellationToken) is not null)
            {
                // An unreadable part: that message is linked without webLink.
            }
        }

        return links;
    }
}
