using OutlookFollowUp.FollowUps;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Settings;

namespace OutlookFollowUp.Mail;

/// <summary>
/// One sync of a user's mailbox: Graph delta into the index, then the engine over the indexed metadata, then a
/// cross-folder check of new "waiting on them" threads (a reply that a rule filed elsewhere is not an unanswered thread),
/// then rule 9 for candidates no verdict covers yet; the follow-ups of both modes are stored.
/// </summary>
/// <remarks>
/// With a route check (api/Routes), the sync also asks the other routes of an answer (Teams chats, meetings) and the
/// follow-ups leave out what they answered (<see cref="OtherRoutes"/>).
/// </remarks>
public sealed class MailboxSync(
    IThreadIndex threadIndex, IMailboxes mailboxes, ISettingsStore settings, IEnumerable<IMailboxSyncListener> listeners, TimeProvider time,
    IAnswerRouteCheck? routeCheck = null)
{
    /// <summary>Messages found by the cross-folder check live under this folder name in the index.</summary>
    public const string ElsewhereFolder = "elsewhere";

    /// <summary>An erase of the user meanwhile stops the sync's writes (<see cref="MailboxErasedException"/>) instead of being undone by them.</summary>
    private readonly IThreadIndex index = threadIndex.ForSync();

    public async Task SyncAsync(string userKey, CancellationToken cancellationToken)
    {
        var reader = mailboxes.Reader(userKey);
        // Made now, inside the request that started the sync: with Entra ID the listeners' writes act for its user.
        var writer = mailboxes.Writer(userKey);
        var routes = routeCheck is null ? null : mailboxes.Routes(userKey);
        var state = await index.GetStateAsync(userKey, cancellationToken);
        if (state is null || state.Addresses.Count == 0)
        {
            // First sync only: who "me" is and the mailbox's time zone (two small requests).
            var identity = await reader.GetMeAsync(cancellationToken);
            var zone = await reader.GetMailboxTimeZoneAsync(cancellationToken);
            await index.SetMailboxAsync(userKey, identity.Addresses, zone, identity.DisplayName, cancellationToken);
            state = await index.GetStateAsync(userKey, cancellationToken);
        }

        var userSettings = await settings.GetEffectiveAsync(userKey, cancellationToken);
        var links = state!.Folders
            .Where(f => f.DeltaLink is not null && f.Folder != ElsewhereFolder)
            .ToDictionary(f => f.Folder, f => f.DeltaLink!, StringComparer.OrdinalIgnoreCase);
        var asks = new AskContext(state.Addresses, state.DisplayName is { } name ? [name] : []);
        var delta = await reader.SyncAsync(links, userSettings.LookbackDays, asks, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var folder in delta.FoldersResynced)
        {
            await index.ResetFolderAsync(userKey, folder, cancellationToken);
        }

        foreach (var (folder, changes) in delta.Folders)
        {
            await index.ApplyDeltaAsync(userKey, folder, changes.Upserts, changes.RemovedIds, delta.DeltaLinks[folder], now, cancellationToken);
        }

        var (threads, facts) = await RecomputeAsync(userKey, reader, routes, state, userSettings, asks, cancellationToken);
        var marks = delta.Folders.Values.SelectMany(f => f.Marks ?? []).ToList();
        var synced = new SyncedMailbox(userKey, state.Addresses, threads, writer, marks) { Facts = facts };
        foreach (var listener in listeners)
        {
            await listener.OnSyncedAsync(synced, cancellationToken);
        }
    }

    /// <returns>The threads the follow-ups were found in, and the other routes' facts, for the listeners.</returns>
    private async Task<(IReadOnlyList<MailThread> Threads, RouteFacts Facts)> RecomputeAsync(
        string userKey, IMailboxReader reader, IAnswerRoutes? routes, MailboxSnapshot state, UserSettings userSettings, AskContext asks, CancellationToken cancellationToken)
    {
        // Rules 1–8 give the candidates; the check across folders and rule 9 read only for them.
        var options = userSettings.ToDetectionOptions(state.Addresses, time.GetUtcNow(), state.TimeZone) with { AllUnanswered = true };
        var previous = await index.GetThreadsAsync(userKey, direction: null, allUnanswered: true, cancellationToken);
        var known = previous.Threads.Select(t => (t.ThreadKey, t.MessageId)).ToHashSet();
        var messages = await index.GetMessagesAsync(userKey, cancellationToken);
        var threads = ThreadBuilder.Build(messages).Threads;
        var facts = routeCheck is null ? RouteFacts.None : await routeCheck.CheckAsync(userKey, routes, threads, options, cancellationToken);
        IReadOnlyList<FollowUp> Evaluate(IReadOnlyList<MailThread> all, DetectionOptions detection) =>
            OtherRoutes.Apply(FollowUpEngine.Evaluate(all, detection), all, facts, detection, userSettings.ColleagueAnswersOn);
        var followUps = Evaluate(threads, options);

        // Only threads that are new since the last run are checked, so a warm refresh with no change costs no extra request;
        // all of them with one windowed query across folders (from the oldest one's date), whatever their number.
        var candidates = followUps.Where(t => t.Direction == FollowUpDirection.Theirs && !known.Contains((t.ThreadKey, t.MessageId))).ToList();
        var found = new List<MailRecord>();
        if (candidates.Count > 0)
        {
            var window = await reader.GetConversationsSinceAsync(
                [.. candidates.Select(c => c.ThreadKey).Distinct(StringComparer.Ordinal)], candidates.Min(c => c.Since), asks, cancellationToken);
            var indexedThreads = threads.ToDictionary(t => t.Key, StringComparer.Ordinal);
            foreach (var candidate in candidates)
            {
                if (window.TryGetValue(candidate.ThreadKey, out var elsewhere))
                {
                    found.AddRange(RepliesElsewhere(candidate, elsewhere, indexedThreads.GetValueOrDefault(candidate.ThreadKey), options));
                }
            }
        }

        // Copies already indexed stay in their own folder, so their delta removals keep working.
        var indexed = messages.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        found.RemoveAll(m => indexed.Contains(m.Id));
        if (found.Count > 0)
        {
            await index.ApplyDeltaAsync(userKey, ElsewhereFolder, found, [], deltaLink: null, time.GetUtcNow(), cancellationToken);
            threads = ThreadBuilder.Build(await index.GetMessagesAsync(userKey, cancellationToken)).Threads;
            followUps = Evaluate(threads, options);
        }

        threads = await JudgeAsync(userKey, reader, asks, threads, followUps, cancellationToken);
        var asking = Evaluate(threads, options with { AllUnanswered = false });
        await index.ReplaceThreadsAsync(userKey, new ComputedThreads(followUps, asking), time.GetUtcNow(), cancellationToken);
        return (threads, facts);
    }

    /// <summary>
    /// Rule 9 for the candidates' last messages that no verdict covers yet (their preview did not decide): the reader
    /// reads their text, classifies it and drops it; the verdicts are stored, so each message is read once.
    /// </summary>
    /// <returns>The threads, with the new verdicts on their messages.</returns>
    private async Task<IReadOnlyList<MailThread>> JudgeAsync(
        string userKey, IMailboxReader reader, AskContext asks, IReadOnlyList<MailThread> threads, IReadOnlyList<FollowUp> candidates, CancellationToken cancellationToken)
    {
        var last = candidates.Select(c => c.MessageId).ToHashSet(StringComparer.Ordinal);
        var unjudged = threads.SelectMany(t => t.Messages).Where(m => m.Asks is null && last.Contains(m.Id)).DistinctBy(m => m.Id, StringComparer.Ordinal).ToList();
        if (unjudged.Count == 0)
        {
            return threads;
        }

        var verdicts = await reader.ReadAsksAsync(unjudged, asks, cancellationToken);
        if (verdicts.Count == 0)
        {
            return threads;
        }

        await index.SetAsksAsync(userKey, verdicts, cancellationToken);
        return [.. threads.Select(t => new MailThread(t.Key, [.. t.Messages.Select(m => verdicts.TryGetValue(m.Id, out var verdict) ? m with { Asks = verdict } : m)]))];
    }

    /// <summary>
    /// The conversation's messages since the window opened, across folders, with the indexed thread for what came before
    /// (rule 3a asks whether a message names one of the user's own); when one of them answers the candidate, the window's
    /// messages after it go into the index.
    /// </summary>
    private static IReadOnlyList<MailRecord> RepliesElsewhere(
        FollowUp candidate, IReadOnlyList<MailRecord> window, MailThread? indexed, DetectionOptions options)
    {
        var ids = window.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var conversation = (indexed?.Messages ?? []).Where(m => !ids.Contains(m.Id)).Concat(window).OrderBy(m => m.Date).ToList();
        var rules = new ThreadRules(options);
        var thread = new MailThread(candidate.ThreadKey, conversation);
        var tracked = window.FirstOrDefault(m => m.Id == candidate.MessageId)
            ?? conversation.FirstOrDefault(m => m.Id == candidate.MessageId)
            ?? new MailRecord { Id = candidate.MessageId, Date = candidate.Since };
        return rules.FindReply(thread, tracked) is null ? [] : [.. window.Where(m => m.Date > candidate.Since)];
    }
}
