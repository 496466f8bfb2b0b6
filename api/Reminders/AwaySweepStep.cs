using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Away;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Reminders;

/// <summary>
/// Recipients who are away, in the due sweep. <see cref="PrepareAsync"/> runs once per claimed batch, before its
/// mailboxes: the counterparts of all its reminders, read from the index (no Graph call), go into ONE MailTips round
/// per tenant (<see cref="AwayRound"/>), asked through one of that tenant's mailboxes. <see cref="HoldAsync"/> then runs
/// per mailbox with the conversation Graph gave: what the round did not cover (addresses found only there) is asked
/// through that mailbox; reminders whose counterparts are all away with a scheduled end move to the first working hour
/// after it, with a note; an automatic reply with no end leaves a note and the time. MailTips failing changes nothing.
/// The round's mailboxes ask under their leases (a mailbox another instance is working on is passed over).
/// </summary>
internal sealed class AwaySweepStep(
    FollowUpDbContext db, IThreadIndex index, IMailboxes mailboxes, AwayRound round, AwayCheck check, ISharedWorkingHours? sharedHours = null,
    MailboxLeases? leases = null)
{
    /// <returns>Tenants Graph refused in this batch (throttled, down): their mailboxes ask nothing more until the next batch.</returns>
    public async Task<IReadOnlySet<string>> PrepareAsync(IReadOnlyList<ReminderRow> claimed, CancellationToken ct)
    {
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var tracked = claimed
            // The rows the sweep will check, as it picks them; a reminder never indexed has no counterparts to ask about.
            .Where(r => r.DoneAt is null && r.ResolvedAt is null && r.DueAt is null && r.FlagWanted is null && r.ThreadKey is not null)
            .Where(r => r.MessageId is not null || r.InternetMessageId is not null)
            .Select(r => new UserMessage(r.UserKey, r.MessageId, r.InternetMessageId)).Distinct().ToList();
        if (tracked.Count == 0)
        {
            return refused;
        }

        var recipients = await index.RecipientsAsync(tracked, ct);
        // Tenants side by side (each asks through its own mailboxes).
        await Task.WhenAll(recipients.GroupBy(r => UserKeys.TenantOf(r.Key.UserKey), StringComparer.Ordinal).Select(async tenant =>
        {
            // In key order, so which mailbox asks does not depend on the order the database returned the claim in.
            var users = tenant.Select(r => r.Key.UserKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var outcome = await round.AskAsync(
                tenant.Key, tenant.SelectMany(r => r.Value).Select(a => a.Address), Askers(users), ct, leases is null ? null : leases.TryAcquireAsync);
            if (outcome == AwayRoundOutcome.Failed)
            {
                lock (refused)
                {
                    refused.Add(tenant.Key);
                }
            }
        }));
        return refused;
    }

    /// <summary>The mailbox's reminders coming due, each with its conversation.</summary>
    /// <returns>The ids of the reminders held (no longer due in this sweep).</returns>
    public async Task<HashSet<string>> HoldAsync(
        string userKey, IMailboxReader reader, IReadOnlyList<(ReminderRow Row, IReadOnlyList<MailRecord> Conversation)> due,
        IReadOnlyList<string> me, string claimId, IReadOnlySet<string> refusedTenants, ISettingsStore settings, CancellationToken ct)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (reader is not IMailTips tips || due.Count == 0)
        {
            return held;
        }

        var zone = (await index.GetStateAsync(userKey, ct))?.TimeZone;
        var questions = due.Select(d => new AwayQuestion(d.Row.Id, Counterparts(d.Row, d.Conversation, me))).ToList();
        // The note is in the user's language (the pane writes its own from the fields; other clients read this one).
        var language = await settings.GetLanguageAsync(userKey, ct);
        var notes = await check.DecideAsync(
            userKey, tips, questions, zone, ct, ask: !refusedTenants.Contains(UserKeys.TenantOf(userKey)),
            sharedHours: sharedHours is null ? null : c => sharedHours.GetAsync(userKey, reader, Zone(zone), c), language: language);
        foreach (var (id, note) in notes)
        {
            var stored = note.ToStored();
            if (note.MovedTo is { } movedTo)
            {
                var changed = await db.Set<ReminderRow>()
                    .Where(r => r.UserKey == userKey && r.Id == id && r.ClaimId == claimId && r.DoneAt == null && r.ResolvedAt == null)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(r => r.RemindAt, movedTo).SetProperty(r => r.SweepAt, (DateTimeOffset?)movedTo)
                        .SetProperty(r => r.ClaimId, (string?)null).SetProperty(r => r.SweepAttempts, 0).SetProperty(r => r.Away, stored), ct);
                if (changed > 0)
                {
                    held.Add(id);
                }
            }
            else
            {
                await db.Set<ReminderRow>().Where(r => r.UserKey == userKey && r.Id == id && r.ClaimId == claimId)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Away, stored), ct);
            }
        }

        if (held.Count > 0)
        {
            Telemetry.FollowUpTelemetry.Reminders("held_away", held.Count);
        }

        return held;
    }

    private static TimeZoneInfo Zone(string? zone) => OptionRules.TryFindTimeZone(zone ?? "UTC", out var found) ? found : TimeZoneInfo.Utc;

    /// <summary>The tenant's mailboxes that can ask MailTips, made one at a time as the round needs them.</summary>
    private IEnumerable<(string UserKey, IMailTips Tips)> Askers(IReadOnlyList<string> users)
    {
        foreach (var user in users)
        {
            IMailTips? tips;
            try
            {
                tips = mailboxes.Reader(user) as IMailTips;
            }
            catch (MailException)
            {
                tips = null; // no credentials for this one at all: the next mailbox asks
            }

            if (tips is not null)
            {
                yield return (user, tips);
            }
        }
    }

    /// <summary>Who the reminder waits on: the tracked message's recipients (To and Cc) other than me.</summary>
    private static IReadOnlyList<MailAddress> Counterparts(ReminderRow row, IReadOnlyList<MailRecord> conversation, IReadOnlyList<string> me)
    {
        var tracked = conversation.FirstOrDefault(m => m.Id == row.MessageId || (row.InternetMessageId is not null && m.InternetMessageId == row.InternetMessageId))
            ?? conversation.LastOrDefault(m => me.Contains(m.From, StringComparer.OrdinalIgnoreCase));
        return tracked is null ? [] : [.. tracked.To.Concat(tracked.Cc)
            .Where(a => !string.IsNullOrWhiteSpace(a.Address) && !me.Contains(a.Address, StringComparer.OrdinalIgnoreCase))
            .Select(a => a with { Address = a.Address.Trim().ToLowerInvariant() })
            .DistinctBy(a => a.Address, StringComparer.Ordinal)];
    }
}
