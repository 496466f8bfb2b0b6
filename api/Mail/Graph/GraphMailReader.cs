using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>Reads one mailbox with the Graph SDK: delta over inbox and sentitems, plus the few lookups the rules need.</summary>
/// <param name="customPropertiesProperty">The add-in's custom properties (<see cref="AddInOptions.CustomPropertiesProperty"/>).</param>
public sealed partial class GraphMailReader(GraphServiceClient client, TimeProvider time, GraphOptions options, string customPropertiesProperty) : IMailboxReader
{
    private readonly int pageSize = options.PageSize;

    private string[] Expand => GraphQuery.MessageExpand(customPropertiesProperty);

    /// <summary>What reading needs; named in the 403 the API answers when the token lacks it.</summary>
    private const string ReadPermission = "Mail.Read";

    public Task<MailboxDelta> SyncAsync(
        IReadOnlyDictionary<string, string> previousDeltaLinks, int lookbackDays, CancellationToken cancellationToken) =>
        SyncAsync(previousDeltaLinks, lookbackDays, asks: null, cancellationToken);

    /// <param name="asks">Null: no rule 9 verdict from the previews.</param>
    public async Task<MailboxDelta> SyncAsync(
        IReadOnlyDictionary<string, string> previousDeltaLinks, int lookbackDays, AskContext? asks, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lookbackDays);
        var since = time.GetUtcNow().AddDays(-lookbackDays);
        var links = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var resynced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var folders = new Dictionary<string, FolderChanges>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in GraphQuery.Folders)
        {
            var round = new FolderRound(folder, customPropertiesProperty, asks);
            previousDeltaLinks.TryGetValue(folder, out var link);
            try
            {
                links[folder] = await ReadFolderAsync(round, link, since, cancellationToken);
            }
            catch (MailException ex) when (ex.Status == 410 && link is not null)
            {
                // The sync state expired or was reset: the stored link is worthless, read the folder again.
                resynced.Add(folder);
                round = new FolderRound(folder, customPropertiesProperty, asks);
                links[folder] = await ReadFolderAsync(round, null, since, cancellationToken);
            }

            folders[folder] = new FolderChanges([.. round.Upserts.Values], [.. round.Removed], [.. round.Marks.Values]);
        }

        return new MailboxDelta(folders, links, resynced);
    }

    public async Task<MailboxIdentity> GetMeAsync(CancellationToken cancellationToken)
    {
        var user = await CallAsync(() => client.Me.GetAsync(
            c =>
            {
                // proxyAddresses (aliases) comes back for /me with User.Read; for /users it needs more, so it is optional.
                c.QueryParameters.Select = ["mail", "userPrincipalName", "proxyAddresses", "displayName"];
                AddPreferences(c.Headers);
            },
            cancellationToken), cancellationToken, "User.Read");
        var aliases = (user?.ProxyAddresses ?? [])
            .Where(p => p.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase))
            .Select(p => p[5..]);
        string?[] all = [user?.Mail, user?.UserPrincipalName, .. aliases];
        return new MailboxIdentity([.. all
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a!.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)])
        {
            DisplayName = string.IsNullOrWhiteSpace(user?.DisplayName) ? null : user.DisplayName.Trim(),
        };
    }

    public async Task<string?> GetMailboxTimeZoneAsync(CancellationToken cancellationToken)
    {
        var settings = await CallAsync(() => client.Me.MailboxSettings.GetAsync(
            c =>
            {
                c.QueryParameters.Select = ["timeZone"];
                AddPreferences(c.Headers);
            },
            cancellationToken), cancellationToken, "MailboxSettings.Read");
        return string.IsNullOrWhiteSpace(settings?.TimeZone) ? null : settings.TimeZone;
    }

    private void AddPreferences(RequestHeaders headers) => GraphQuery.AddPreferences(headers, pageSize);

    private static Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken, string permission = ReadPermission) =>
        GraphFailures.CallAsync(call, permission, cancellationToken);
}
