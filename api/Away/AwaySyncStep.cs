using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;
using OutlookFollowUp.MailIndex;

namespace OutlookFollowUp.Away;

/// <summary>
/// Recipients who are away, when a thread enters "waiting on them": after each sync, the threads that entered it since
/// the last computation (the index keeps what was said while a thread stays there), and those that say someone is away
/// (so a reply turned off ends the notice), have their waited-on counterparts asked in ONE MailTips round through this
/// mailbox (<see cref="AwayRound"/>: the tenant's cache first, then calls of up
/// to 100 addresses). A thread whose waited-on counterparts are ALL away keeps them, with the end of each one's reply;
/// any other thread keeps "nothing to say". Stored on the thread row, so every instance's thread list shows it without
/// calling Graph. MailTips failing never fails the sync: logged, nothing said, and a throttled round is asked again at
/// the next sync.
/// </summary>
public sealed partial class AwaySyncStep(IThreadIndex index, IMailboxes mailboxes, AwayRound round, AwayCheck check, TimeProvider time, ILogger<AwaySyncStep> logger)
    : IMailboxSyncListener
{
    public async Task OnSyncedAsync(SyncedMailbox synced, CancellationToken cancellationToken)
    {
        try
        {
            await CheckAsync(synced.UserKey, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, synced.UserKey, ex.GetType().Name);
        }
    }

    private async Task CheckAsync(string userKey, CancellationToken ct)
    {
        var threads = await index.AwayToAskAsync(userKey, ct);
        if (threads.Count == 0 || mailboxes.Reader(userKey) is not IMailTips tips)
        {
            return;
        }

        var tenant = UserKeys.TenantOf(userKey);
        var waitingOn = threads.ToDictionary(t => t.ThreadKey, GroupReplies.WaitingOn, StringComparer.Ordinal);
        var addresses = waitingOn.Values.SelectMany(a => a).Select(Key).Distinct(StringComparer.Ordinal).ToList();
        var outcome = await round.AskAsync(tenant, addresses, [(userKey, tips)], ct);
        if (outcome == AwayRoundOutcome.Failed)
        {
            return; // throttled or down: these threads stay unasked, and the next sync asks again
        }

        // Answered, or this mailbox cannot ask (sign-in, 403): what the cache knows is all there is, the rest is "not away".
        var replies = await check.RepliesAsync(tenant, addresses, ct);
        var now = time.GetUtcNow();
        var found = new Dictionary<string, IReadOnlyList<AwayMark>>(StringComparer.Ordinal);
        foreach (var thread in threads)
        {
            found[thread.ThreadKey] = AllAway(thread, waitingOn[thread.ThreadKey], replies, now);
        }

        await index.SetAwayAsync(userKey, found, ct);
    }

    /// <summary>The waited-on counterparts with their reply's end, when every one of them is away now; else none.</summary>
    private static IReadOnlyList<AwayMark> AllAway(FollowUp thread, IReadOnlyList<string> waitingOn, Dictionary<string, AutomaticReply> replies, DateTimeOffset now)
    {
        if (waitingOn.Count == 0 || !waitingOn.All(a => replies.TryGetValue(Key(a), out var reply) && reply.AwayAt(now)))
        {
            return [];
        }

        return [.. waitingOn.Select(a => new AwayMark(
            a,
            thread.People.FirstOrDefault(p => string.Equals(p.Address, a, StringComparison.OrdinalIgnoreCase))?.Name,
            replies[Key(a)].End?.ToUniversalTime()))];
    }

    /// <summary>MailTips answers are keyed by the lower-case address; the thread keeps the address as its mail gave it.</summary>
    private static string Key(string address) => address.Trim().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Away check after the sync of {UserKey} failed ({Failure}); the threads say nothing about absences")]
    private static partial void LogFailed(ILogger logger, string userKey, string failure);
}
