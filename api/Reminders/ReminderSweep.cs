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
/// reminder settled. Graph failing leaves the reminder as it was, tried again later with a growing wait. Recipients who
/// are away (<see cref="AwaySweepStep"/>): one MailTips round per batch and tenant before the mailboxes, then, before a
/// reminder is marked due, a hold when its counterparts are all away. The flags are in ReminderSweep.Flags.cs.
/// </summary>
internal sealed partial class ReminderSweep(
    FollowUpDbContext db, IMailboxes mailboxes, ISettingsStore settings, IThreadIndex index, ISweepProbe probe,
    FlagPermissionNotices notices, TimeProvider time, IOptions<BackgroundOptions> options, ILogger<ReminderSweep> logger,
    AwaySweepStep? away = null, Routes.IRouteStore? routes = null)
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
            var rows = await ReminderClaims.ClaimedAsync(db, claimId, cancellationToken);
            if (away is not null)
            {
                // Recipients who are away: one MailTips round per tenant for the whole batch, before its mailboxes.
                await away.PrepareAsync(rows, cancellationToken);
            }

            foreach (var mailbox in rows.GroupBy(r => r.UserKey, StringComparer.Ordinal))
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
        var options = new DetectionOptions { Me = [.. me], Now = now };
        var rules = new ThreadRules(options);
        var facts = routes is null ? RouteFacts.None : (await routes.GetAsync(userKey, ct))?.Facts ?? RouteFacts.None;
        var notes = new RouteNoteTexts(settings, index, userKey);

        var due = new List<string>();
        var waiting = new List<(ReminderRow Row, IReadOnlyList<MailRecord> Conversation)>();
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
                var colleague = Tracked(row, conversation) is { } tracked ? OtherRoutes.ColleagueReply(tracked, reply, me) : null;
                resolved += await ResolveAsync(userKey, row, new MailAddress(reply.From, reply.FromName), reply.Id,
                    await notes.ResolutionAsync(colleague, now, ct), claimId, flagsOn, now, ct);
            }
            else if (RouteAnswer(row, conversation, me, facts, options) is { } answer)
            {
                resolved += await ResolveAsync(userKey, row, answer.For, null, await notes.ResolutionAsync(answer, now, ct), claimId, flagsOn, now, ct);
            }
            else
            {
                due.Add(row.Id);
                waiting.Add((row, conversation));
            }
        }

        var forMeetings = await HoldForMeetingsAsync(userKey, waiting, me, facts, options, notes, claimId, ct);
        due.RemoveAll(forMeetings.Contains);
        waiting.RemoveAll(w => forMeetings.Contains(w.Row.Id));
        if (away is not null)
        {
            var held = await away.HoldAsync(userKey, reader, waiting, me, claimId, ct);
            due.RemoveAll(held.Contains);
        }

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

    private static MailRecord? FindReply(ThreadRules rules, ReminderRow row, IReadOnlyList<MailRecord> conversation, IReadOnlyList<string> me)
    {
        // The tracked message may have left the mailbox: then every message after the reminder was made counts as later.
        var tracked = conversation.FirstOrDefault(m => m.Id == row.MessageId || (row.InternetMessageId is not null && m.InternetMessageId == row.InternetMessageId))
            ?? new MailRecord { Id = row.MessageId ?? row.Id, Date = row.CreatedAt, From = me.FirstOrDefault() ?? "" };
        return rules.FindReply(new MailThread(row.ThreadKey!, conversation), tracked);
    }

    /// <param name="messageId">The reply's id; null for an answer by another route.</param>
    /// <param name="route">How it was answered when not by the person's own mail (<see cref="RouteResolution"/>).</param>
    private async Task<int> ResolveAsync(
        string userKey, ReminderRow row, MailAddress by, string? messageId, string? route, string claimId, bool flagsOn, DateTimeOffset now, CancellationToken ct)
    {
        var flag = flagsOn && row.MessageId is not null;
        var changed = await db.Set<ReminderRow>()
            .Where(r => r.UserKey == userKey && r.Id == row.Id && r.ClaimId == claimId && r.DoneAt == null && r.ResolvedAt == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.ResolvedAt, now).SetProperty(r => r.ResolvedByMessageId, messageId)
                .SetProperty(r => r.ResolvedByAddress, by.Address).SetProperty(r => r.ResolvedByName, by.Name)
                .SetProperty(r => r.ResolvedRoute, route).SetProperty(r => r.RouteHold, (string?)null)
                .SetProperty(r => r.SweepAttempts, 0)
                .SetProperty(r => r.FlagWanted, flag ? FlagStates.Complete : null)
                .SetProperty(r => r.SweepAt, r => flag ? r.SweepAt : null)
                .SetProperty(r => r.ClaimId, flag ? claimId : null), ct);
        Telemetry.FollowUpTelemetry.Reminders("answered", changed);
        return changed;
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
}
