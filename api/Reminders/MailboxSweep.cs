using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Reminders;

/// <summary>
/// What one mailbox's part of a sweep works with: a database context of its own (mailboxes run side by side, and a
/// context serves one at a time), the stores over it, the away step and the other routes' facts.
/// </summary>
internal sealed class SweepParts(
    FollowUpDbContext db, ISettingsStore settings, IThreadIndex index, AwaySweepStep? away, IAsyncDisposable? owner = null, Routes.IRouteStore? routes = null)
    : IAsyncDisposable
{
    public FollowUpDbContext Db => db;

    public ISettingsStore Settings => settings;

    public IThreadIndex Index => index;

    public AwaySweepStep? Away => away;

    /// <summary>The last route check's facts (Teams chats, meetings); none: mail alone answers.</summary>
    public Routes.IRouteStore? Routes => routes;

    /// <summary>Parts from a new DI scope each time (the app's way), the scope ending with them.</summary>
    public static Func<SweepParts> FromScopes(IServiceScopeFactory scopes) => () =>
    {
        var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return new SweepParts(
            services.GetRequiredService<FollowUpDbContext>(), services.GetRequiredService<ISettingsStore>(), services.GetRequiredService<IThreadIndex>(),
            services.GetService<AwaySweepStep>(), scope, services.GetService<Routes.IRouteStore>());
    };

    public ValueTask DisposeAsync() => owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>
/// One mailbox's claimed reminders in a sweep: asks Graph for their conversations in every folder (batched), resolves
/// the answered ones (rule 7) and marks the rest due, each saved with the flag it wants; then writes those flags and
/// saves that they landed (MailboxSweep.Flags.cs). Graph failing leaves the reminders as they were, tried again later
/// with a growing wait, never shorter than the one Graph asked for.
/// </summary>
internal sealed partial class MailboxSweep(
    SweepParts parts, IMailboxes mailboxes, ISweepObserver observer, FlagPermissionNotices notices, TimeProvider time,
    IOptions<BackgroundOptions> options, ILogger logger, IReadOnlySet<string> refusedTenants)
{
    private readonly FollowUpDbContext db = parts.Db;

    public async Task<SweepCounts> RunAsync(string userKey, List<ReminderRow> rows, string claimId, CancellationToken ct)
    {
        var flagsOn = (await parts.Settings.GetEffectiveAsync(userKey, ct)).SetOutlookFlags;
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
                // stay scheduled and are tried again later, and the other mailboxes go on.
                LogGraphFailed(logger, userKey, ex.GetType().Name);
                await RetryLaterAsync(userKey, rows, claimId, ct, GraphAskedToWait(ex));
                return counts + new SweepCounts(0, 0, 0, 0, rows.Count);
            }

            await observer.AtAsync(SweepPoint.Checked, ct);
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
        var me = (await parts.Index.GetStateAsync(userKey, ct))?.Addresses is { Count: > 0 } known ? known : (await reader.GetMeAsync(ct)).Addresses;
        var now = time.GetUtcNow();
        var options = new DetectionOptions { Me = [.. me], Now = now };
        var rules = new ThreadRules(options);
        var facts = parts.Routes is null ? RouteFacts.None : (await parts.Routes.GetAsync(userKey, ct))?.Facts ?? RouteFacts.None;
        var notes = new RouteNoteTexts(parts.Settings, parts.Index, userKey);

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
        if (parts.Away is { } away)
        {
            var held = await away.HoldAsync(userKey, reader, waiting, me, claimId, refusedTenants, parts.Settings, ct);
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
        var tracked = Tracked(row, conversation) ?? new MailRecord { Id = row.MessageId ?? row.Id, Date = row.CreatedAt, From = me.FirstOrDefault() ?? "" };
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

    /// <summary>
    /// Back-off: the row keeps its state and is claimable again after a wait that doubles with each failure, and is never
    /// shorter than the wait Graph (or the mailbox's request window) asked for.
    /// </summary>
    private async Task RetryLaterAsync(string userKey, List<ReminderRow> rows, string claimId, CancellationToken ct, TimeSpan? atLeast = null)
    {
        var now = time.GetUtcNow();
        foreach (var attempts in rows.GroupBy(r => r.SweepAttempts + 1))
        {
            var ids = attempts.Select(r => r.Id).ToList();
            var delay = ReminderSweep.RetryDelay(options.Value, attempts.Key);
            var next = now + (atLeast > delay ? atLeast.Value : delay);
            await db.Set<ReminderRow>().Where(r => r.UserKey == userKey && ids.Contains(r.Id) && r.ClaimId == claimId)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.SweepAttempts, attempts.Key).SetProperty(r => r.SweepAt, next).SetProperty(r => r.ClaimId, (string?)null), ct);
        }
    }

    private static TimeSpan? GraphAskedToWait(Exception? ex) => ex is MailUnavailableException { RetryAfter: { } wait } ? wait : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due sweep for {UserKey}: Graph failed ({Failure}); the reminders are tried again later")]
    private static partial void LogGraphFailed(ILogger logger, string userKey, string failure);
}
