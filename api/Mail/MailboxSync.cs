using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Mail;

/// <summary>
/// One sync of a user's mailbox: Graph delta into the index, then the engine over the indexed metadata, then a
/// cross-folder check of new "waiting on them" threads (a reply that a rule filed elsewhere is not an unanswered thread).
/// </summary>
public sealed class MailboxSync(
    IThreadIndex index, IMailboxReaderFactory readers, ISettingsStore settings, IEnumerable<IMailboxSyncListener> listeners, TimeProvider time)
{
    /// <summary>Messages found by the cross-folder check live under this folder name in the index.</summary>
    public const string ElsewhereFolder = "elsewhere";

    public async Task SyncAsync(string userKey, CancellationToken cancellationToken)
    {
        var reader = readers.Create(userKey);
        var state = await index.GetStateAsync(userKey, cancellationToken);
        if (state is null || state.Addresses.Count == 0)
        {
            // First sync only: who "me" is and the mailbox's time zone (two small requests).
            var identity = await reader.GetMeAsync(cancellationToken);
            var zone = await reader.GetMailboxTimeZoneAsync(cancellationToken);
            await index.SetMailboxAsync(userKey, identity.Addresses, zone, cancellationToken);
            state = await index.GetStateAsync(userKey, cancellationToken);
        }

        var userSettings = await settings.GetEffectiveAsync(userKey, cancellationToken);
        var links = state!.Folders
            .Where(f => f.DeltaLink is not null && f.Folder != ElsewhereFolder)
            .ToDictionary(f => f.Folder, f => f.DeltaLink!, StringComparer.OrdinalIgnoreCase);
        var delta = await reader.SyncAsync(links, userSettings.LookbackDays, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var folder in delta.FoldersResynced)
        {
            await index.ResetFolderAsync(userKey, folder, cancellationToken);
        }

        foreach (var (folder, changes) in delta.Folders)
        {
            await index.ApplyDeltaAsync(userKey, folder, changes.Upserts, changes.RemovedIds, delta.DeltaLinks[folder], now, cancellationToken);
        }

        await RecomputeAsync(userKey, reader, state, userSettings, cancellationToken);
        foreach (var listener in listeners)
        {
            await listener.OnSyncedAsync(userKey, reader, cancellationToken);
        }
    }

    private async Task RecomputeAsync(
        string userKey, IMailboxReader reader, MailboxSnapshot state, UserSettings userSettings, CancellationToken cancellationToken)
    {
        var options = userSettings.ToDetectionOptions(state.Addresses, time.GetUtcNow(), state.TimeZone);
        var previous = await index.GetThreadsAsync(userKey, direction: null, cancellationToken);
        var known = previous.Threads.Select(t => (t.ThreadKey, t.MessageId)).ToHashSet();
        var messages = await index.GetMessagesAsync(userKey, cancellationToken);
        var result = FollowUpEngine.Detect(messages, options);

        // Only threads that are new since the last run are checked, so a warm refresh with no change costs no extra request.
        var found = new List<MailRecord>();
        foreach (var candidate in result.Threads.Where(t => t.Direction == FollowUpDirection.Theirs && !known.Contains((t.ThreadKey, t.MessageId))))
        {
            found.AddRange(await RepliesElsewhereAsync(reader, candidate, options, cancellationToken));
        }

        // Copies already indexed stay in their own folder, so their delta removals keep working.
        var indexed = messages.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        found.RemoveAll(m => indexed.Contains(m.Id));
        if (found.Count > 0)
        {
            await index.ApplyDeltaAsync(userKey, ElsewhereFolder, found, [], deltaLink: null, time.GetUtcNow(), cancellationToken);
            result = FollowUpEngine.Detect(await index.GetMessagesAsync(userKey, cancellationToken), options);
        }

        await index.ReplaceThreadsAsync(userKey, result.Threads, time.GetUtcNow(), cancellationToken);
    }

    private static async Task<IReadOnlyList<MailRecord>> RepliesElsewhereAsync(
        IMailboxReader reader, FollowUp candidate, DetectionOptions options, CancellationToken cancellationToken)
    {
        var conversation = await reader.GetConversationAsync(candidate.ThreadKey, cancellationToken);
        var rules = new ThreadRules(options);
        var thread = new MailThread(candidate.ThreadKey, conversation);
        var tracked = conversation.FirstOrDefault(m => m.Id == candidate.MessageId)
            ?? new MailRecord { Id = candidate.MessageId, Date = candidate.Since };
        return rules.FindReply(thread, tracked) is null ? [] : conversation.Where(m => m.Date > candidate.Since).ToList();
    }
}
