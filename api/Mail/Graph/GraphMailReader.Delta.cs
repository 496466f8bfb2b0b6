using Microsoft.Graph.Me.MailFolders.Item.Messages.Delta;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail.Graph;

public sealed partial class GraphMailReader
{
    /// <summary>Follows nextLinks itself, because the SDK would not re-send the Prefer headers on later pages.</summary>
    /// <returns>The folder's new delta link.</returns>
    private async Task<string> ReadFolderAsync(FolderRound round, string? link, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var delta = client.Me.MailFolders[round.Folder].Messages.Delta;
        var page = link is null
            ? await GetPageAsync(round, () => delta.GetAsDeltaGetResponseAsync(
                c =>
                {
                    c.QueryParameters.Select = GraphQuery.DeltaSelect;
                    c.QueryParameters.Expand = Expand;
                    c.QueryParameters.Filter = GraphQuery.ReceivedSince(since);
                    AddPreferences(c.Headers);
                },
                cancellationToken), cancellationToken)
            : await GetPageAsync(round, () => delta.WithUrl(link).GetAsDeltaGetResponseAsync(c => AddPreferences(c.Headers), cancellationToken), cancellationToken);

        while (true)
        {
            foreach (var message in page.Value ?? [])
            {
                round.Add(message);
            }

            if (page.OdataDeltaLink is { Length: > 0 } deltaLink)
            {
                return deltaLink;
            }

            var next = page.OdataNextLink is { Length: > 0 } n
                ? n
                : throw new MailResponseException($"A delta page of '{round.Folder}' had neither @odata.nextLink nor @odata.deltaLink.");
            page = await GetPageAsync(round, () => delta.WithUrl(next).GetAsDeltaGetResponseAsync(c => AddPreferences(c.Headers), cancellationToken), cancellationToken);
        }
    }

    private static async Task<DeltaGetResponse> GetPageAsync(FolderRound round, Func<Task<DeltaGetResponse?>> get, CancellationToken cancellationToken) =>
        await CallAsync(get, cancellationToken) ?? throw new MailResponseException($"A delta page of '{round.Folder}' was empty.");

    /// <summary>One folder's pages in order: a later page's change or removal replaces an earlier one.</summary>
    /// <param name="asks">Whose mailbox it is, to judge rule 9 from each preview that holds a whole new text; null reads none.</param>
    private sealed class FolderRound(string folder, string customPropertiesProperty, AskContext? asks)
    {
        public string Folder { get; } = folder;

        public Dictionary<string, MailRecord> Upserts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, MessageMarks> Marks { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Removed { get; } = new(StringComparer.Ordinal);

        public void Add(Microsoft.Graph.Models.Message message)
        {
            if (message.Id is null)
            {
                throw new MailResponseException($"A delta page of '{Folder}' held a message without an id.");
            }

            if (message.AdditionalData.ContainsKey("@removed"))
            {
                Upserts.Remove(message.Id);
                Marks.Remove(message.Id);
                Removed.Add(message.Id);
                return;
            }

            Removed.Remove(message.Id);
            var sent = Folder == GraphQuery.SentItems;
            var record = GraphMessageMapper.Map(message, sentByMe: sent);
            Upserts[message.Id] = asks is null ? record : record with { Asks = GraphAsks.FromPreview(message, record, asks) };
            Marks[message.Id] = GraphMessageMarks.Of(message, customPropertiesProperty, readComposeMark: sent);
        }
    }
}
