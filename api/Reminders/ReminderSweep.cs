using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Away;
using OutlookFollowUp.Background;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Reminders;

/// <summary>What one sweep did.</summary>
public sealed record SweepCounts(int Claimed, int Due, int Resolved, int Flagged, int Retried)
{
    public static readonly SweepCounts None = new(0, 0, 0, 0, 0);

    public static SweepCounts operator +(SweepCounts a, SweepCounts b) =>
        new(a.Claimed + b.Claimed, a.Due + b.Due, a.Resolved + b.Resolved, a.Flagged + b.Flagged, a.Retried + b.Retried);
}

/// <summary>Points of a sweep where a test stops it as a crash would (nothing after runs, the claims stay until their lease ends).</summary>
public enum SweepPoint
{
    /// <summary>After the claim, before Graph is asked.</summary>
    Claimed,

    /// <summary>After the due and resolved states (and the flags they want) are saved, before the flags are written.</summary>
    Checked,

    /// <summary>After the flags were written in Graph, before that is saved.</summary>
    Flagged,
}

/// <summary>Called at each <see cref="SweepPoint"/>; the app's does nothing, tests throw to simulate a crash there.</summary>
public interface ISweepProbe
{
    ValueTask AtAsync(SweepPoint point, CancellationToken cancellationToken);
}

internal sealed class NoSweepProbe : ISweepProbe
{
    public ValueTask AtAsync(SweepPoint point, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>
/// The due sweep. Claims reminders whose time passed (<see cref="ReminderClaims"/>), then per mailbox: asks Graph for
/// their conversations in every folder (batched, <see cref="IMailboxReader.GetConversationsAsync"/>), resolves the
/// answered ones (rule 7) and marks the rest due, saving each with the flag it wants; then writes those flags
/// (<see cref="IMailboxWriter.SetFlagsAsync"/>): due → flagged with Outlook's own reminder at the due time, answered →
/// complete; then saves that they landed. A crash before that last save leaves the flag wanted: the claim's lease
/// ends, another sweep takes it and writes the same flag again (the PATCH sets the same values), and only then is the
/// reminder settled. Graph failing leaves the reminder as it was, tried again later with a growing wait.
/// </summary>
internal sealed partial class ReminderSweep(
    FollowUpDbContext db, IMailboxes mailboxes, ISettingsStore settings, IThreadIndex index, ISweepProbe probe,
    FlagPermissionNotices notices, TimeProvider time, IOptions<BackgroundOptions> options, ILogger<ReminderSweep> logger,
    AwayCheck? away = null)
{
    /// <summary>Far more batches than one run needs: a run always ends, even if rows kept coming back.</summary>
    private const int MaxBatchesPerRun = 1_000;

    public async Task<SweepCounts> RunOnceAsync(CancellationToken cancellationToken)
    {
        var total = SweepCounts.None;
        for (var i = 0; i < MaxBatchesPerRun; i++)
        {
            var now = time.GetUtcNow();
            var claimId = Guid.NewGuid().ToString("N");
            var claimed = await ReminderClaims.ClaimAsync(db, claimId, now, now + options.Value.ClaimLease, options.Value.DueBatchSize, cancellationToken);
            if (claimed == 0)
            {
                break;
            }

            await probe.AtAsync(SweepPoint.Claimed, cancellationToken);
            total += new SweepCounts(claimed, 0, 0, 0, 0);
            foreach (var mailbox in (await ReminderClaims.ClaimedAsync(db, claimId, cancellationToken)).GroupBy(r => r.UserKey, StringComparer.Ordinal))
            {
                total += await SweepMailboxAsync(mailbox.Key, [.. mailbox], claimId, cancellationToken);
            }

            if (claimed < options.Value.DueBatchSize)
            {
                break;
            }
        }

        if (total.Claimed > 0)
        {
            LogSwept(logger, total.Claimed, total.Due, total.Resolved, total.Flagged, total.Retried);
        }

        return total;
    }

    private async Task<SweepCounts> SweepMailboxAsync(string userKey, List<ReminderRow> rows, string claimId, CancellationToken ct)
    {
        var flagsOn = (await settings.GetEffectiveAsync(userKey, ct)).SetOutlookFlags;
        var counts = SweepCounts.None;
        var toCheck = rows.Where(r => r.FlagWanted is null && r.DoneAt is null && r.ResolvedAt is null && r.DueAt is null).ToList();
        if (toCheck.Count > 0)
        {
            try
            {
                counts += await CheckAsync(userKey, toCheck, claimId, flagsOn, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Graph is down or refused, or this mailbox cannot be reached now (its credentials, say): the reminders
                // stay scheduled and are tried again later, and the other mailboxes of the batch go on.
                LogGraphFailed(logger, userKey, ex.GetType().Name);
                await RetryLaterAsync(userKey, rows, claimId, ct);
                return counts + new SweepCounts(0, 0, 0, 0, rows.Count);
            }

            await probe.AtAsync(SweepPoint.Checked, ct);
        }

        counts += await WriteFlagsAsync(userKey, claimId, flagsOn, ct);
        if (rows.Any(r => r.FlagWanted is null && (r.DoneAt is not null || r.ResolvedAt is not null || r.DueAt is not null)))
        {
            // Claimed with nothing left to do (closed or settled meanwhile): the claim ends here, not at its lease.
            await db.Set<ReminderRow>().Where(r => r.UserKey == userKey && r.ClaimId == claimId && r.FlagWanted == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.SweepAt, (DateTimeOffset?)null).SetProperty(r => r.ClaimId, (string?)null), ct);
        }

        return counts;
    }

    private async Task<SweepCounts> CheckAsync(string userKey, List<ReminderRow> rows, string claimId, bool flagsOn, CancellationToken ct)
    {
        var reader = mailboxes.Reader(userKey);
        var threadKeys = rows.Where(r => r.ThreadKey is not null).Select(r => r.ThreadKey!).Distinct(StringComparer.Ordinal).ToList();
        var conversations = threadKeys.Count == 0 ? new Dictionary<string, IReadOnlyList<MailRecord>>()
            : await reader.GetConversationsAsync(threadKeys, ct);
        var me = (await index.GetStateAsync(userKey, ct))?.Addresses is { Count: > 0 } known ? known : (await reader.GetMeAsync(ct)).Addresses;
        var now = time.GetUtcNow();
        var rules = new ThreadRules(new DetectionOptions { Me = [.. me], Now = now });

        var due = new List<string>();
        var counterparts = new Dictionary<string, IReadOnlyList<MailAddress>>(StringComparer.Ordinal);
        var resolved = 0;
        var failed = new List<ReminderRow>();
        foreach (var row in rows)
        {
            if (row.ThreadKey is null)
            {
                // Never indexed, so no conversation to look in: nothing says it was answered.
                due.Add(row.Id);
            }
            else if (!conversations.TryGetValue(row.ThreadKey, out var conversation))
            {
                failed.Add(row); // that part of the batch failed
            }
            else if (FindReply(rules, row, conversation, me) is { } reply)
            {
                resolved += await ResolveAsync(userKey, row, reply, claimId, flagsOn, now, ct);
            }
            else
            {
                due.Add(row.Id);
                counterparts[row.Id] = Counterparts(row, conversation, me);
            }
        }

        var held = await HoldForAbsencesAsync(userKey, reader, due, counterparts, claimId, ct);
        due.RemoveAll(held.Contains);

        var dueCount = due.Count == 0 ? 0 : await db.Set<ReminderRow>()
            .Where(r => r.UserKey == userKey && due.Contains(r.Id) && r.ClaimId == claimId && r.DoneAt == null && r.ResolvedAt == null && r.RemindAt <= now)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.DueAt, now).SetProperty(r => r.SweepAttempts, 0)
                .SetProperty(r => r.FlagWanted, r => flagsOn && r.MessageId != null ? FlagStates.Due : null)
                // A flag to write keeps the claim and its lease (no other sweep may take the row meanwhile); else nothing is left.
                .SetProperty(r => r.SweepAt, r => flagsOn && r.MessageId != null ? r.SweepAt : null)
                .SetProperty(r => r.ClaimId, r => flagsOn && r.MessageId != null ? claimId : null), ct);
        await RetryLaterAsync(userKey, failed, claimId, ct);
        if (dueCount > 0)
        {
            Telemetry.FollowUpTelemetry.Reminders("due", dueCount);
        }

        return new SweepCounts(0, dueCount, resolved, 0, failed.Count);
    }

    /// <summary>
    /// Recipients who are away (api/Away): asks MailTips once for the counterparts of every reminder coming due; those
    /// whose counterparts are all away with a scheduled end move to the first working hour after it, with a note;
    /// an automatic reply with no end leaves a note and the time. MailTips failing changes nothing.
    /// </summary>
    /// <returns>The ids of the reminders held (no longer due in this sweep).</returns>
    private async Task<HashSet<string>> HoldForAbsencesAsync(
        string userKey, IMailboxReader reader, List<string> due, Dictionary<string, IReadOnlyList<MailAddress>> counterparts, string claimId, CancellationToken ct)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (away is null || reader is not IMailTips tips || counterparts.Count == 0)
        {
            return held;
        }

        var zone = (await index.GetStateAsync(userKey, ct))?.TimeZone;
        var notes = await away.DecideAsync(userKey, tips, [.. due.Where(counterparts.ContainsKey).Select(id => new AwayQuestion(id, counterparts[id]))], zone, ct);
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

    private static MailRecord? FindReply(ThreadRules rules, ReminderRow row, IReadOnlyList<MailRecord> conversation, IReadOnlyList<string> me)
    {
        // The tracked message may have left the mailbox: then every message after the reminder was made counts as later.
        var tracked = conversation.FirstOrDefault(m => m.Id == row.MessageId || (row.InternetMessageId is not null && m.InternetMessageId == row.InternetMessageId))
            ?? new MailRecord { Id = row.MessageId ?? row.Id, Date = row.CreatedAt, From = me.FirstOrDefault() ?? "" };
        return rules.FindReply(new MailThread(row.ThreadKey!, conversation), tracked);
    }

    private async Task<int> ResolveAsync(string userKey, ReminderRow row, MailRecord reply, string claimId, bool flagsOn, DateTimeOffset now, CancellationToken ct)
    {
        var flag = flagsOn && row.MessageId is not null;
        var changed = await db.Set<ReminderRow>()
            .Where(r => r.UserKey == userKey && r.Id == row.Id && r.ClaimId == claimId && r.DoneAt == null && r.ResolvedAt == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.ResolvedAt, now).SetProperty(r => r.ResolvedByMessageId, reply.Id)
                .SetProperty(r => r.ResolvedByAddress, reply.From).SetProperty(r => r.ResolvedByName, reply.FromName)
                .SetProperty(r => r.SweepAttempts, 0)
                .SetProperty(r => r.FlagWanted, flag ? FlagStates.Complete : null)
                .SetProperty(r => r.SweepAt, r => flag ? r.SweepAt : null)
                .SetProperty(r => r.ClaimId, flag ? claimId : null), ct);
        Telemetry.FollowUpTelemetry.Reminders("answered", changed);
        return changed;
    }

    /// <summary>Writes the flags the claim's rows want (this run's and those a crashed sweep left), then saves what landed.</summary>
    private async Task<SweepCounts> WriteFlagsAsync(string userKey, string claimId, bool flagsOn, CancellationToken ct)
    {
        var wanted = await db.Set<ReminderRow>().AsNoTracking()
            .Where(r => r.UserKey == userKey && r.ClaimId == claimId && r.FlagWanted != null && r.MessageId != null).ToListAsync(ct);
        if (wanted.Count == 0)
        {
            return SweepCounts.None;
        }

        if (!flagsOn)
        {
            // The user turned Outlook flags off meanwhile: nothing to write.
            await SettleAsync(userKey, claimId, wanted, written: false, ct);
            return SweepCounts.None;
        }

        var changes = wanted.DistinctBy(r => r.MessageId, StringComparer.Ordinal).Select(r => new FlagChange(r.MessageId!, r.FlagWanted switch
        {
            FlagStates.Due => OutlookFlag.Flagged(r.CreatedAt, r.RemindAt, reminderAt: r.RemindAt),
            FlagStates.Complete => OutlookFlag.Complete,
            _ => OutlookFlag.Cleared,
        })).ToList();
        IReadOnlyList<MailPartResult> results;
        try
        {
            results = await mailboxes.Writer(userKey).SetFlagsAsync(changes, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogGraphFailed(logger, userKey, ex.GetType().Name);
            await RetryLaterAsync(userKey, wanted, claimId, ct);
            return new SweepCounts(0, 0, 0, 0, wanted.Count);
        }

        await probe.AtAsync(SweepPoint.Flagged, ct);
        var outcome = results.ToDictionary(r => r.Key, StringComparer.Ordinal);
        bool Landed(ReminderRow r) => outcome.TryGetValue(r.MessageId!, out var result) && result.Succeeded;
        bool Refused(ReminderRow r) => outcome.TryGetValue(r.MessageId!, out var result) && result.Failure is MailAccessDeniedException;

        var landed = wanted.Where(Landed).ToList();
        if (await SettleAsync(userKey, claimId, landed, written: true, ct) < landed.Count)
        {
            await CompleteClosedMeanwhileAsync(userKey, landed, ct);
        }

        var refused = wanted.Where(Refused).ToList();
        if (refused.Count > 0 && notices.Refused(userKey))
        {
            LogNeedsReadWrite(logger, userKey);
        }

        // A refusal (403: no Mail.ReadWrite) would be refused again: the reminder stays right, without a flag.
        await SettleAsync(userKey, claimId, refused, written: false, ct);
        var failed = wanted.Where(r => !Landed(r) && !Refused(r)).ToList();
        await RetryLaterAsync(userKey, failed, claimId, ct);
        return new SweepCounts(0, 0, 0, landed.Count, failed.Count);
    }

    /// <summary>
    /// A reminder answered or marked done while its due flag was on its way: the flag the user's action queued may have
    /// landed first, so complete it again, now that the due flag is in.
    /// </summary>
    private async Task CompleteClosedMeanwhileAsync(string userKey, List<ReminderRow> landed, CancellationToken ct)
    {
        var ids = landed.Where(r => r.FlagWanted == FlagStates.Due).Select(r => r.Id).ToList();
        var closed = await db.Set<ReminderRow>().AsNoTracking()
            .Where(r => r.UserKey == userKey && ids.Contains(r.Id) && (r.DoneAt != null || r.ResolvedAt != null) && r.MessageId != null)
            .Select(r => r.MessageId!).Distinct().ToListAsync(ct);
        if (closed.Count > 0)
        {
            await mailboxes.Writer(userKey).SetFlagsAsync([.. closed.Select(id => new FlagChange(id, OutlookFlag.Complete))], ct);
        }
    }

    /// <summary>The flag landed (or will not be written): nothing left to do on these rows, so their claim ends.</summary>
    /// <returns>The rows settled; fewer when some changed meanwhile (a snooze, a reply, done).</returns>
    private async Task<int> SettleAsync(string userKey, string claimId, List<ReminderRow> rows, bool written, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settled = 0;
        foreach (var state in rows.Select(r => r.FlagWanted!).Distinct())
        {
            var ids = rows.Where(r => r.FlagWanted == state).Select(r => r.Id).ToList();
            var query = db.Set<ReminderRow>().Where(r => r.UserKey == userKey && ids.Contains(r.Id) && r.ClaimId == claimId && r.FlagWanted == state);
            if (written)
            {
                settled += await query.ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.FlagWritten, state).SetProperty(r => r.FlagWrittenAt, now).SetProperty(r => r.FlagWanted, (string?)null)
                    .SetProperty(r => r.SweepAt, (DateTimeOffset?)null).SetProperty(r => r.ClaimId, (string?)null).SetProperty(r => r.SweepAttempts, 0), ct);
                Telemetry.FollowUpTelemetry.Reminders(state == FlagStates.Due ? "flagged" : "flag_complete", ids.Count);
            }
            else
            {
                settled += await query.ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.FlagWanted, (string?)null).SetProperty(r => r.SweepAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.ClaimId, (string?)null), ct);
            }
        }

        return settled;
    }

    /// <summary>Back-off: the row keeps its state and is claimable again after a wait that doubles with each failure.</summary>
    private async Task RetryLaterAsync(string userKey, List<ReminderRow> rows, string claimId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var attempts in rows.GroupBy(r => r.SweepAttempts + 1))
        {
            var ids = attempts.Select(r => r.Id).ToList();
            var next = now + RetryDelay(attempts.Key);
            await db.Set<ReminderRow>().Where(r => r.UserKey == userKey && ids.Contains(r.Id) && r.ClaimId == claimId)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.SweepAttempts, attempts.Key).SetProperty(r => r.SweepAt, next).SetProperty(r => r.ClaimId, (string?)null), ct);
        }
    }

    internal TimeSpan RetryDelay(int attempts)
    {
        var delay = options.Value.DueSweepInterval * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < options.Value.MaxRetryDelay ? delay : options.Value.MaxRetryDelay;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Due sweep: {Claimed} claimed, {Due} due, {Resolved} answered, {Flagged} flags written, {Retried} to retry")]
    private static partial void LogSwept(ILogger logger, int claimed, int due, int resolved, int flagged, int retried);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due sweep for {UserKey}: Graph failed ({Failure}); the reminders are tried again later")]
    private static partial void LogGraphFailed(ILogger logger, string userKey, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outlook flags for {UserKey} need Mail.ReadWrite (Graph answered 403); reminders work without them. Said once per process")]
    private static partial void LogNeedsReadWrite(ILogger logger, string userKey);
}
