using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Reminders;

/// <summary>
/// <b>Remind me if no reply</b>: the compose mark (<see cref="MessageMarks.FollowupRemind"/>) on a sent copy becomes one
/// scheduled reminder, once per message for good (<c>reminder_compose_marks</c>), whichever sync or instance sees it
/// first. Runs before <see cref="ReminderResolver"/>, so a mark on an already-answered thread is resolved in the same sync.
/// A value it cannot read is logged and skipped: a mark never fails a sync.
/// </summary>
internal sealed partial class ComposeTracking(FollowUpDbContext db, ReminderFlags flags, TimeProvider time, ILogger<ComposeTracking> logger)
    : IMailboxSyncListener
{
    public async Task OnSyncedAsync(SyncedMailbox synced, CancellationToken cancellationToken)
    {
        var marked = synced.Marks?.Where(m => !string.IsNullOrWhiteSpace(m.FollowupRemind)).ToList();
        if (marked is not { Count: > 0 })
        {
            return;
        }

        var byId = new Dictionary<string, (MailThread Thread, MailRecord Message)>(StringComparer.Ordinal);
        foreach (var thread in synced.Threads)
        {
            foreach (var message in thread.Messages)
            {
                byId.TryAdd(message.Id, (thread, message));
            }
        }

        var rules = new ThreadRules(new DetectionOptions { Me = [.. synced.Me], Now = time.GetUtcNow() }, MessagesById.Of(synced.Threads));
        foreach (var mark in marked)
        {
            // Only the sender's own sent copy counts: the mark is the add-in's, on the user's draft.
            if (!byId.TryGetValue(mark.MessageId, out var found) || !rules.IsMe(found.Message.From) || found.Message.Date is not { } sent)
            {
                LogNotSentMail(logger, synced.UserKey);
                continue;
            }

            if (RemindAt(mark.FollowupRemind!, sent) is not { } remindAt)
            {
                LogUnreadable(logger, synced.UserKey, mark.FollowupRemind!.Length);
                continue;
            }

            if (await TrackAsync(synced.UserKey, found.Message, remindAt, cancellationToken) && rules.FindReply(found.Thread, found.Message) is null)
            {
                // Answered already: the resolver completes it right after; otherwise Outlook shows the flag as for any reminder.
                await flags.SetAsync(synced.UserKey, found.Message.Id, OutlookFlag.Flagged(time.GetUtcNow(), remindAt), cancellationToken, synced.Writer);
            }
        }
    }

    /// <summary>"24" or "48" (hours after sending, 1 to 90 days' worth), or an ISO-8601 date or time after sending (UTC when no offset); else null.</summary>
    internal static DateTimeOffset? RemindAt(string value, DateTimeOffset sent)
    {
        value = value.Trim();
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hours))
        {
            return hours is >= 1 and <= ReminderRules.MaxDaysAhead * 24 ? sent.ToUniversalTime().AddHours(hours) : null;
        }

        if (value.Length < 10 || value[4] != '-' || value[7] != '-'
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return null;
        }

        return at > sent && at <= sent.AddDays(ReminderRules.MaxDaysAhead) ? at.ToUniversalTime() : null;
    }

    /// <returns>True when this call made the reminder; false when the mark was taken before, or the message already had an open one.</returns>
    private Task<bool> TrackAsync(string userKey, MailRecord message, DateTimeOffset remindAt, CancellationToken cancellationToken) =>
        DatabaseLocks.WriteForUserAsync(db, userKey, async ct =>
        {
            if (await db.Set<ComposeMarkRow>().AnyAsync(m => m.UserKey == userKey && m.MessageId == message.Id, ct))
            {
                return false;
            }

            var now = time.GetUtcNow();
            db.Set<ComposeMarkRow>().Add(new ComposeMarkRow { UserKey = userKey, MessageId = message.Id, TrackedAt = now });
            var imid = message.InternetMessageId;
            var tracked = await db.Set<ReminderRow>().AnyAsync(
                r => r.UserKey == userKey && r.DoneAt == null && (r.MessageId == message.Id || (imid != null && r.InternetMessageId == imid)), ct);
            if (!tracked)
            {
                db.Set<ReminderRow>().Add(new ReminderRow
                {
                    UserKey = userKey,
                    Id = Guid.CreateVersion7(now).ToString("N"),
                    MessageId = message.Id,
                    InternetMessageId = imid,
                    ThreadKey = message.ConversationId,
                    Subject = message.Subject,
                    RemindAt = remindAt,
                    CreatedAt = now,
                    SweepAt = remindAt,
                    Source = ReminderSources.Compose,
                });
            }

            await db.SaveChangesAsync(ct);
            if (!tracked)
            {
                Telemetry.FollowUpTelemetry.Reminder("compose_tracked");
            }

            return !tracked;
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "A compose mark for {UserKey} is not on a message the user sent (or the message is not indexed); skipped")]
    private static partial void LogNotSentMail(ILogger logger, string userKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A compose mark for {UserKey} is neither hours nor an ISO-8601 date after sending ({Length} characters); no reminder made")]
    private static partial void LogUnreadable(ILogger logger, string userKey, int length);
}
