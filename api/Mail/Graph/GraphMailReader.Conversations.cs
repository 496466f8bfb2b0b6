using Microsoft.Graph.Me.Messages;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>Conversations across every folder: one look-up, the due sweep's batched checks, the sync's windowed query.</summary>
public sealed partial class GraphMailReader
{
    public async Task<IReadOnlyList<MailRecord>> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var page = await CallAsync(() => client.Me.Messages.GetAsync(c => ConversationQuery(c, conversationId, batchPart: false), cancellationToken), cancellationToken);
        return await ConversationAsync(page, cancellationToken);
    }

    /// <summary>The due sweep's checks as GET parts of <c>$batch</c>, 20 to a request; see <see cref="GraphBatch"/>.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<MailRecord>>> GetConversationsAsync(
        IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken)
    {
        var parts = conversationIds.Distinct(StringComparer.Ordinal).Select(id =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id);
            return new GraphBatchPart(id, () => client.Me.Messages.ToGetRequestInformation(c => ConversationQuery(c, id, batchPart: true)));
        }).ToList();
        var outcomes = await new GraphBatch(client, time, options).SendAsync(parts, ReadPermission, cancellationToken);
        var found = new Dictionary<string, IReadOnlyList<MailRecord>>(StringComparer.Ordinal);
        foreach (var (id, outcome) in outcomes)
        {
            if (outcome.Failure is not null)
            {
                continue; // absent: the caller checks it again later
            }

            try
            {
                var page = outcome.Body is null ? null
                    : await KiotaJsonSerializer.DeserializeAsync(outcome.Body, MessageCollectionResponse.CreateFromDiscriminatorValue, cancellationToken);
                found[id] = await ConversationAsync(page, cancellationToken);
            }
            catch (Exception ex) when (GraphFailures.Translate(ex, ReadPermission, cancellationToken) is not null)
            {
                // An unreadable part, or a later page (rare) that failed: this conversation is absent, the others stand.
            }
        }

        return found;
    }

    /// <summary>
    /// One query over every folder for the window (<c>receivedDateTime ge</c>, paged by <see cref="GraphOptions.PageSize"/>),
    /// kept only for the wanted conversations: ⌈messages in the window / page size⌉ requests, whatever their number.
    /// </summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<MailRecord>>> GetConversationsSinceAsync(
        IReadOnlyCollection<string> conversationIds, DateTimeOffset since, CancellationToken cancellationToken) =>
        GetConversationsSinceAsync(conversationIds, since, asks: null, cancellationToken);

    /// <param name="asks">Whose mailbox it is, to judge rule 9 from each preview that holds a whole new text (as delta does); null reads none.</param>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<MailRecord>>> GetConversationsSinceAsync(
        IReadOnlyCollection<string> conversationIds, DateTimeOffset since, AskContext? asks, CancellationToken cancellationToken)
    {
        var wanted = conversationIds.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, List<MailRecord>>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<MailRecord>>();
        }

        var page = await CallAsync(() => client.Me.Messages.GetAsync(
            c =>
            {
                c.QueryParameters.Filter = GraphQuery.ReceivedSince(since);
                c.QueryParameters.Select = asks is null ? GraphQuery.ConversationSelect : [.. GraphQuery.ConversationSelect, "bodyPreview", "inferenceClassification"];
                c.QueryParameters.Expand = Expand;
                AddPreferences(c.Headers);
            },
            cancellationToken), cancellationToken);
        while (page is not null)
        {
            foreach (var message in page.Value ?? [])
            {
                // An unsent draft is no reply (as in a conversation look-up).
                if (message.IsDraft != true && message.ConversationId is { } conversation && wanted.Contains(conversation))
                {
                    var record = GraphMessageMapper.Map(message, sentByMe: false);
                    (found.TryGetValue(conversation, out var list) ? list : found[conversation] = [])
                        .Add(asks is null ? record : record with { Asks = GraphAsks.FromPreview(message, record, asks) });
                }
            }

            var next = page.OdataNextLink;
            page = next is null ? null : await CallAsync(() => client.Me.Messages.WithUrl(next).GetAsync(
                c => AddPreferences(c.Headers), cancellationToken), cancellationToken);
        }

        return found.ToDictionary(p => p.Key, p => (IReadOnlyList<MailRecord>)[.. p.Value.OrderBy(r => r.Date)], StringComparer.Ordinal);
    }

    private void ConversationQuery(
        RequestConfiguration<MessagesRequestBuilder.MessagesRequestBuilderGetQueryParameters> c, string conversationId, bool batchPart)
    {
        c.QueryParameters.Filter = $"conversationId eq '{conversationId.Replace("'", "''", StringComparison.Ordinal)}'";
        c.QueryParameters.Select = GraphQuery.ConversationSelect;
        c.QueryParameters.Expand = Expand;
        if (batchPart)
        {
            GraphQuery.AddBatchPartPreferences(c.Headers, pageSize);
        }
        else
        {
            AddPreferences(c.Headers);
        }
    }

    /// <summary>A conversation's pages from the first one on, by date.</summary>
    private async Task<IReadOnlyList<MailRecord>> ConversationAsync(MessageCollectionResponse? page, CancellationToken cancellationToken)
    {
        var records = new List<MailRecord>();
        while (page is not null)
        {
            // Across folders the received time is the one date every copy has (Exchange stamps it on sent copies too).
            // An unsent draft (a follow-up the pane drafted) is no reply: it must not close the thread.
            records.AddRange((page.Value ?? []).Where(m => m.IsDraft != true).Select(m => GraphMessageMapper.Map(m, sentByMe: false)));
            var next = page.OdataNextLink;
            page = next is null ? null : await CallAsync(() => client.Me.Messages.WithUrl(next).GetAsync(
                c => AddPreferences(c.Headers), cancellationToken), cancellationToken);
        }

        // $orderby with a conversationId filter fails in Graph (docs/architecture.md): sort here.
        return [.. records.OrderBy(r => r.Date)];
    }
}
