using System.Net;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Me.Messages.Item.CreateReplyAll;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>Reads one mailbox with the Graph SDK: delta over inbox and sentitems, plus the few lookups the rules need.</summary>
public sealed partial class GraphMailReader(GraphServiceClient client, TimeProvider time, int pageSize) : IMailboxReader
{
    public async Task<MailboxDelta> SyncAsync(
        IReadOnlyDictionary<string, string> previousDeltaLinks, int lookbackDays, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lookbackDays);
        var since = time.GetUtcNow().AddDays(-lookbackDays);
        var upserts = new Dictionary<string, MailRecord>(StringComparer.Ordinal);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var links = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var resynced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var requests = 0;
        var folders = new Dictionary<string, FolderChanges>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in GraphQuery.Folders)
        {
            var round = new FolderRound(folder);
            previousDeltaLinks.TryGetValue(folder, out var link);
            try
            {
                links[folder] = await ReadFolderAsync(round, link, since, cancellationToken);
            }
            catch (ApiException ex) when (link is not null && ex.ResponseStatusCode == (int)HttpStatusCode.Gone)
            {
                // The sync state expired or was reset: the stored link is worthless, read the folder again.
                resynced.Add(folder);
                requests += round.Requests;
                round = new FolderRound(folder);
                links[folder] = await ReadFolderAsync(round, null, since, cancellationToken);
            }

            requests += round.Requests;
            folders[folder] = new FolderChanges([.. round.Upserts.Values], [.. round.Removed]);
            removed.UnionWith(round.Removed);
            foreach (var record in round.Upserts.Values)
            {
                upserts[record.Id] = record;
            }
        }

        // A move between the synced folders is a removal in one and an add in the other: the add wins.
        removed.ExceptWith(upserts.Keys);
        return new MailboxDelta([.. upserts.Values], [.. removed], links, resynced, requests, folders);
    }

    public async Task<IReadOnlyList<MailRecord>> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var filter = $"conversationId eq '{conversationId.Replace("'", "''", StringComparison.Ordinal)}'";
        var page = await CallAsync(() => client.Me.Messages.GetAsync(
            c =>
            {
                c.QueryParameters.Filter = filter;
                c.QueryParameters.Select = GraphQuery.ConversationSelect;
                c.QueryParameters.Expand = GraphQuery.MessageExpand;
                AddPreferences(c.Headers);
            },
            cancellationToken));
        var records = new List<MailRecord>();
        while (page is not null)
        {
            // Across folders the received time is the one date every copy has (Exchange stamps it on sent copies too).
            // An unsent draft (a follow-up the pane drafted) is no reply: it must not close the thread.
            records.AddRange((page.Value ?? []).Where(m => m.IsDraft != true).Select(m => GraphMessageMapper.Map(m, sentByMe: false)));
            var next = page.OdataNextLink;
            page = next is null ? null : await CallAsync(() => client.Me.Messages.WithUrl(next).GetAsync(
                c => AddPreferences(c.Headers), cancellationToken));
        }

        // $orderby with a conversationId filter fails in Graph (DESIGN.md): sort here.
        return [.. records.OrderBy(r => r.Date)];
    }

    public async Task<MailboxIdentity> GetMeAsync(CancellationToken cancellationToken)
    {
        var user = await CallAsync(() => client.Me.GetAsync(
            c =>
            {
                // proxyAddresses (aliases) comes back for /me with User.Read; for /users it needs more, so it is optional.
                c.QueryParameters.Select = ["mail", "userPrincipalName", "proxyAddresses"];
                AddPreferences(c.Headers);
            },
            cancellationToken));
        var aliases = (user?.ProxyAddresses ?? [])
            .Where(p => p.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase))
            .Select(p => p[5..]);
        string?[] all = [user?.Mail, user?.UserPrincipalName, .. aliases];
        return new MailboxIdentity([.. all
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a!.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)]);
    }

    public async Task<string?> GetMailboxTimeZoneAsync(CancellationToken cancellationToken)
    {
        var settings = await CallAsync(() => client.Me.MailboxSettings.GetAsync(
            c =>
            {
                c.QueryParameters.Select = ["timeZone"];
                AddPreferences(c.Headers);
            },
            cancellationToken));
        return string.IsNullOrWhiteSpace(settings?.TimeZone) ? null : settings.TimeZone;
    }

    public async Task SetFlagAsync(string messageId, OutlookFlag flag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var body = new Message { Flag = ToGraph(flag) };
        await CallAsync(() => client.Me.Messages[messageId].PatchAsync(body, c => AddPreferences(c.Headers), cancellationToken));
    }

    public async Task<string> CreateReplyAllDraftAsync(string messageId, string comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var body = new CreateReplyAllPostRequestBody { Comment = comment };
        var draft = await CallAsync(() => client.Me.Messages[messageId].CreateReplyAll.PostAsync(body, c => AddPreferences(c.Headers), cancellationToken));
        return draft?.Id ?? throw new GraphResponseException("Microsoft Graph created a reply draft without an id.");
    }

    private static FollowupFlag ToGraph(OutlookFlag flag) => flag.Status switch
    {
        OutlookFlagStatus.Flagged => new FollowupFlag
        {
            FlagStatus = FollowupFlagStatus.Flagged,
            StartDateTime = Utc(flag.Start ?? throw new ArgumentException("A flag needs a start date.", nameof(flag))),
            DueDateTime = Utc(flag.Due ?? flag.Start.Value),
        },
        OutlookFlagStatus.Complete => new FollowupFlag { FlagStatus = FollowupFlagStatus.Complete },
        _ => new FollowupFlag { FlagStatus = FollowupFlagStatus.NotFlagged },
    };

    private static DateTimeTimeZone Utc(DateTimeOffset instant) => new()
    {
        DateTime = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };

    private void AddPreferences(RequestHeaders headers)
    {
        headers.Add("Prefer", GraphQuery.ImmutableIdPreference);
        headers.Add("Prefer", GraphQuery.MaxPageSizePreference(pageSize));
    }

    /// <summary>Maps what callers act on: unavailable (serve stale) vs unreadable; 4xx such as 410 pass through.</summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (GraphFailures.Status(ex) == (int)HttpStatusCode.TooManyRequests)
        {
            throw new GraphUnavailableException(GraphUnavailableReason.Throttled, "Microsoft Graph is still throttling this mailbox after retries.", ex);
        }
        catch (Exception ex) when (GraphFailures.Status(ex) >= 500)
        {
            throw new GraphUnavailableException(GraphUnavailableReason.ServerError, $"Microsoft Graph answered {GraphFailures.Status(ex)} after retries.", ex);
        }
        catch (Exception ex) when (ex is JsonException || ex.InnerException is JsonException)
        {
            // Kiota 2 wraps the parser's JsonException in an ApiException without a status.
            throw new GraphResponseException("Microsoft Graph returned JSON that could not be parsed.", ex);
        }
    }
}
