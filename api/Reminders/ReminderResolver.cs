using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Routes;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Reminders;

/// <summary>
/// Rule 7 over the index: open reminders whose thread got a later non-automated message from someone else are resolved;
/// so are those a counterpart answered another way after the message (a Teams chat, a meeting: the sync's route facts).
/// </summary>
public interface IReminderResolver
{
    /// <summary>Call after each sync of the user's mailbox; returns how many reminders it resolved.</summary>
    Task<int> ResolveAsync(string userKey, CancellationToken cancellationToken);
}

internal sealed class ReminderResolver(
    FollowUpDbContext db, IThreadIndex index, ReminderFlags flags, TimeProvider time, IRouteStore? routes = null, Settings.ISettingsStore? settings = null)
    : IReminderResolver, Mail.IMailboxSyncListener
{
    /// <summary>Rule 7 runs once per sync (new mail is the only thing that can resolve a reminder), not on every read.</summary>
    /// <remarks>The sync's own threads: the mailbox is not threaded a second time.</remarks>
    public Task OnSyncedAsync(Mail.SyncedMailbox synced, CancellationToken cancellationToken) =>
        ResolveAsync(synced.UserKey, synced, cancellationToken);

    public Task<int> ResolveAsync(string userKey, CancellationToken cancellationToken) => ResolveAsync(userKey, synced: null, cancellationToken);

    private async Task<int> ResolveAsync(string userKey, Mail.SyncedMailbox? synced, CancellationToken cancellationToken)
    {
        var open = await db.Set<ReminderRow>().AsNoTracking()
            .Where(r => r.UserKey == userKey && r.DoneAt == null && r.ResolvedAt == null).ToListAsync(cancellationToken);
        var me = synced?.Me ?? (open.Count == 0 ? null : (await index.GetStateAsync(userKey, cancellationToken))?.Addresses);
        if (open.Count == 0 || me is null)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var threads = synced?.Threads ?? ThreadBuilder.Build(await index.GetMessagesAsync(userKey, cancellationToken)).Threads;
        var options = new DetectionOptions { Me = [.. me], Now = now };
        var rules = new ThreadRules(options, MessagesById.Of(threads));
        var facts = synced?.Facts is { } given && (given.Chats.Count > 0 || given.Meetings.Count > 0) ? given
            : routes is null ? RouteFacts.None : (await routes.GetAsync(userKey, cancellationToken))?.Facts ?? RouteFacts.None;
        var notes = new RouteNoteTexts(settings, index, userKey);
        var byId = new Dictionary<string, (MailThread Thread, MailRecord Message)>(StringComparer.Ordinal);
        var byInternetId = new Dictionary<string, (MailThread Thread, MailRecord Message)>(StringComparer.Ordinal);
        foreach (var thread in threads)
        {
            foreach (var message in thread.Messages)
            {
                byId.TryAdd(message.Id, (thread, message));
                if (message.InternetMessageId is { } imid)
                {
                    byInternetId.TryAdd(imid, (thread, message));
                }
            }
        }

        var resolved = 0;
        foreach (var reminder in open)
        {
            var found = reminder.MessageId is { } id && byId.TryGetValue(id, out var f) ? f
                : reminder.InternetMessageId is { } imid && byInternetId.TryGetValue(imid, out var g) ? g
                : default;
            if (found.Thread is not null && reminder.ThreadKey is null)
            {
                // Created before a sync saw its message: it gets the message's subject, thread and ids now.
                await db.Set<ReminderRow>().Where(r => r.UserKey == userKey && r.Id == reminder.Id && r.ThreadKey == null)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(r => r.ThreadKey, found.Message.ConversationId ?? found.Thread.Key)
                        .SetProperty(r => r.Subject, found.Message.Subject)
                        .SetProperty(r => r.MessageId, reminder.MessageId ?? found.Message.Id)
                        .SetProperty(r => r.InternetMessageId, reminder.InternetMessageId ?? found.Message.InternetMessageId), cancellationToken);
            }

            if (found.Thread is null)
            {
                continue;
            }

            var reply = rules.FindReply(found.Thread, found.Message);
            var (people, direction) = OtherRoutes.Counterparts(found.Message, me);
            var answer = reply is not null ? OtherRoutes.ColleagueReply(found.Message, reply, me)
                : found.Message.Date is { } sent ? OtherRoutes.AnswerOfAny(people, direction, sent, facts, options) : null;
            if (reply is null && answer is null)
            {
                continue;
            }

            var route = await notes.ResolutionAsync(answer, now, cancellationToken);
            var by = reply is not null ? new MailAddress(reply.From, reply.FromName) : answer!.For;
            // Conditional, so a reminder marked done meanwhile stays done.
            var changed = await db.Set<ReminderRow>()
                .Where(r => r.UserKey == userKey && r.Id == reminder.Id && r.DoneAt == null && r.ResolvedAt == null)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.ResolvedAt, now).SetProperty(r => r.ResolvedByMessageId, reply == null ? null : reply.Id)
                    .SetProperty(r => r.ResolvedByAddress, by.Address).SetProperty(r => r.ResolvedByName, by.Name)
                    .SetProperty(r => r.ResolvedRoute, route).SetProperty(r => r.RouteHold, (string?)null)
                    .SetProperty(r => r.SweepAt, (DateTimeOffset?)null).SetProperty(r => r.ClaimId, (string?)null)
                    .SetProperty(r => r.FlagWanted, (string?)null), cancellationToken);
            if (changed > 0)
            {
                // Answered: the Outlook flag is completed on every device too.
                await flags.SetAsync(userKey, reminder.MessageId, Mail.OutlookFlag.Complete, cancellationToken, synced?.Writer);
            }

            resolved += changed;
        }

        Telemetry.FollowUpTelemetry.Reminders("answered", resolved);
        return resolved;
    }
}
