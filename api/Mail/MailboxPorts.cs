using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Mail;

/// <summary>
/// Reads one mailbox in the engine's records. Failures are the product's own exceptions (<see cref="MailException"/>
/// and its kinds), never a Graph SDK type.
/// </summary>
public interface IMailboxReader
{
    /// <summary>
    /// One delta round per folder (inbox, sentitems): cold from the lookback when a folder has no stored link,
    /// warm from its link otherwise. Per folder, apply the removals first, then the upserts.
    /// </summary>
    Task<MailboxDelta> SyncAsync(IReadOnlyDictionary<string, string> previousDeltaLinks, int lookbackDays, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SyncAsync(IReadOnlyDictionary{string, string}, int, CancellationToken)"/>, and rule 9 where it costs
    /// nothing: a message whose preview holds its whole new text carries its verdict (<see cref="MailRecord.Asks"/>).
    /// This default reads no text.
    /// </summary>
    Task<MailboxDelta> SyncAsync(IReadOnlyDictionary<string, string> previousDeltaLinks, int lookbackDays, AskContext asks, CancellationToken cancellationToken) =>
        SyncAsync(previousDeltaLinks, lookbackDays, cancellationToken);

    /// <summary>
    /// Rule 9 for messages no preview decided: reads each one's own new text (the Graph adapter: uniqueBody, 20 to a
    /// <c>$batch</c>), classifies it and drops it. A message whose text cannot be had (refused, encrypted, empty) is
    /// <see cref="AskVerdict.Unreadable"/>; one whose read failed for now is absent, to be read by a later sync. This
    /// default reads no text, so every message stays unjudged (listed, as asking).
    /// </summary>
    Task<IReadOnlyDictionary<string, AskVerdict>> ReadAsksAsync(IReadOnlyList<MailRecord> messages, AskContext asks, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, AskVerdict>>(new Dictionary<string, AskVerdict>());

    /// <summary>Every message of a conversation in any folder (a reply moved by a rule is elsewhere), by date.</summary>
    Task<IReadOnlyList<MailRecord>> GetConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Several conversations at once (the due sweep's "still no reply?" check): the Graph adapter sends them 20 to a
    /// <c>$batch</c> and retries failed parts alone. A conversation whose check failed is absent from the answer.
    /// </summary>
    async Task<IReadOnlyDictionary<string, IReadOnlyList<MailRecord>>> GetConversationsAsync(
        IReadOnlyCollection<string> conversationIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, IReadOnlyList<MailRecord>>(StringComparer.Ordinal);
        foreach (var id in conversationIds.Distinct(StringComparer.Ordinal))
        {
            found[id] = await GetConversationAsync(id, cancellationToken);
        }

        return found;
    }

    /// <summary>
    /// The sync's cross-folder reply check: at least every message received since <paramref name="since"/>, in any folder
    /// and drafts left out, of these conversations, by conversation (one with none is absent). The Graph adapter reads
    /// them with one windowed query over all folders, paged, so the cost follows the mailbox's size since then, not the
    /// number of conversations; this default asks for each conversation whole.
    /// </summary>
    async Task<IReadOnlyDictionary<string, IReadOnlyList<MailRecord>>> GetConversationsSinceAsync(
        IReadOnlyCollection<string> conversationIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, IReadOnlyList<MailRecord>>(StringComparer.Ordinal);
        foreach (var id in conversationIds.Distinct(StringComparer.Ordinal))
        {
            if (await GetConversationAsync(id, cancellationToken) is { Count: > 0 } conversation)
            {
                found[id] = conversation;
            }
        }

        return found;
    }

    /// <summary>
    /// As <see cref="GetConversationsSinceAsync(IReadOnlyCollection{string}, DateTimeOffset, CancellationToken)"/>, and rule 9
    /// where the preview decides it (as delta does). This default reads no text.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<MailRecord>>> GetConversationsSinceAsync(
        IReadOnlyCollection<string> conversationIds, DateTimeOffset since, AskContext asks, CancellationToken cancellationToken) =>
        GetConversationsSinceAsync(conversationIds, since, cancellationToken);

    /// <summary>The user's own addresses (<c>me</c> in the rules).</summary>
    Task<MailboxIdentity> GetMeAsync(CancellationToken cancellationToken);

    /// <summary>The mailbox's time zone name as the mail service gives it (Windows or IANA), or null when unset.</summary>
    Task<string?> GetMailboxTimeZoneAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The link that opens each message in Outlook on the web (Graph's <c>webLink</c>), by message id; a message the
    /// mailbox could not say it for is absent (the caller falls back). The Graph adapter asks 20 to a <c>$batch</c>;
    /// this default knows none.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> GetWebLinksAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}

/// <summary>Changes one mailbox (needs <c>Mail.ReadWrite</c>); failures are the product's own exceptions.</summary>
public interface IMailboxWriter
{
    /// <summary>Sets the message's Outlook follow-up flag, so Outlook on every device, To Do and mobile show it.</summary>
    Task SetFlagAsync(string messageId, OutlookFlag flag, CancellationToken cancellationToken);

    /// <summary>
    /// Several flag writes (the due sweep): the Graph adapter sends them 20 to a <c>$batch</c> and retries failed parts
    /// alone, honouring each part's Retry-After. One result per change, keyed by message id; never throws for one part.
    /// </summary>
    async Task<IReadOnlyList<MailPartResult>> SetFlagsAsync(IReadOnlyList<FlagChange> changes, CancellationToken cancellationToken)
    {
        var results = new List<MailPartResult>(changes.Count);
        foreach (var change in changes)
        {
            try
            {
                await SetFlagAsync(change.MessageId, change.Flag, cancellationToken);
                results.Add(new MailPartResult(change.MessageId, null));
            }
            catch (MailException ex)
            {
                results.Add(new MailPartResult(change.MessageId, ex));
            }
        }

        return results;
    }

    /// <summary>
    /// Saves a reply-all draft of the message in the user's Drafts folder, in the same conversation, and returns the
    /// draft's immutable id. <paramref name="comment"/> is HTML as Graph takes it: callers encode any text they pass.
    /// </summary>
    Task<string> CreateReplyAllDraftAsync(string messageId, string comment, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="CreateReplyAllDraftAsync"/>, but addressed to <paramref name="to"/> only (no Cc): a group thread's
    /// nudge to those who have not answered. Writers that cannot choose recipients refuse rather than reply to all.
    /// </summary>
    Task<string> CreateReplyAllDraftAsync(string messageId, string comment, IReadOnlyList<MailAddress> to, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This mailbox writer cannot address a reply draft to chosen recipients.");

    /// <summary>
    /// Sends one mail from the user to <paramref name="address"/>, one of the user's own (the morning digest), without
    /// a copy in Sent Items. <paramref name="html"/> is HTML as Graph takes it: callers encode any text they pass.
    /// </summary>
    Task SendToSelfAsync(string address, string subject, string html, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This mailbox writer cannot send mail.");
}

/// <summary>Gives a user's mailbox ports: local mode's one mailbox, or on behalf of the signed-in user.</summary>
public interface IMailboxes
{
    IMailboxReader Reader(string userKey);

    IMailboxWriter Writer(string userKey);

    /// <summary>The mailbox's change-notification subscriptions (api/Notifications).</summary>
    IMailboxSubscriptions Subscriptions(string userKey);

    /// <summary>The other routes of an answer (Teams chats, meetings); null when this mailbox has none to read.</summary>
    IAnswerRoutes? Routes(string userKey) => null;
}

/// <summary>What a sync leaves to the work that follows it.</summary>
/// <param name="Me">The user's addresses, as the sync used them.</param>
/// <param name="Threads">The mailbox's threads as the sync built them from the index (no listener threads it again).</param>
/// <param name="Writer">
/// The sync's own writer: with Entra ID it acts for the user whose request started the sync, which a writer created
/// later, after that request ended, could not.
/// </param>
/// <param name="Marks">The flags and compose marks of the messages this sync saw change (<see cref="MessageMarks"/>).</param>
public sealed record SyncedMailbox(
    string UserKey, IReadOnlyList<string> Me, IReadOnlyList<MailThread> Threads, IMailboxWriter Writer, IReadOnlyList<MessageMarks>? Marks = null)
{
    /// <summary>What the other routes of an answer said at this sync (Teams chats, meetings); none without a route check.</summary>
    public RouteFacts Facts { get; init; } = RouteFacts.None;
}

/// <summary>Work that follows each successful sync of a user's mailbox (rule 7: replies resolve reminders).</summary>
public interface IMailboxSyncListener
{
    Task OnSyncedAsync(SyncedMailbox synced, CancellationToken cancellationToken);
}

/// <summary>Why a mailbox should be synced soon.</summary>
public enum SyncRequestReason
{
    /// <summary>Graph sent a change notification for the mailbox.</summary>
    Notification,

    /// <summary>Graph said notifications were missed: read everything again through delta.</summary>
    Missed,

    /// <summary>No notification came for <c>Sync:BackgroundInterval</c> and the user has open reminders.</summary>
    Periodic,

    /// <summary>No delta round for <c>Notifications:ReconcileInterval</c> and the user has open reminders: asked even while notifications are live (they get lost).</summary>
    Reconcile,
    /// <summary>
    /// The other routes of an answer are due a check (a Teams chat or a meeting brings no mail, so no notification):
    /// asked even while change notifications cover the mailbox.
    /// </summary>
    Routes,
}

/// <summary>
/// Asks for a background sync of a mailbox, without waiting for it. Requests for one mailbox coalesce: a burst of
/// notifications costs a few syncs, not one each. With several instances, each request is carried out once.
/// </summary>
public interface IMailboxSyncRequests
{
    Task RequestAsync(string userKey, SyncRequestReason reason, CancellationToken cancellationToken);
}

/// <summary>One instance, nothing persisted: the request starts (or joins) the user's sync in this process.</summary>
public sealed class InProcessSyncRequests(MailboxRefresher refresher) : IMailboxSyncRequests
{
    public Task RequestAsync(string userKey, SyncRequestReason reason, CancellationToken cancellationToken)
    {
        _ = refresher.RefreshAsync(userKey);
        return Task.CompletedTask;
    }
}
