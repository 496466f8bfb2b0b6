using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Reminders;

/// <summary>Rule 7 over the index: open reminders whose thread got a later non-automated message from someone else are resolved.</summary>
public interface IReminderResolver
{
    /// <summary>Call after each sync of the user's mailbox; returns how many reminders it resolved.</summary>
    Task<int> ResolveAsync(string userKey, CancellationToken cancellationToken);
}

internal sealed class ReminderResolver(FollowUpDbContext db, IThreadIndex index, ReminderFlags flags, TimeProvider time)
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
        var rules = new ThreadRules(new DetectionOptions { Me = [.. me], Now = now }, MessagesById.Of(threads));
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

            if (found.Thread is null || rules.FindReply(found.Thread, found.Message) is not { } reply)
            {
                continue;
            }

            // Conditional, so a reminder marked done meanwhile stays done.
            var changed = await db.Set<ReminderRow>()
                .Where(r => r.UserKey == userKey && r.Id == reminder.Id && r.DoneAt == null && r.ResolvedAt == null)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.ResolvedAt, now).SetProperty(r => r.ResolvedByMessageId, reply.Id)
                    .SetProperty(r => r.ResolvedByAddress, reply.From).SetProperty(r => r.ResolvedByName, reply.FromName)
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
