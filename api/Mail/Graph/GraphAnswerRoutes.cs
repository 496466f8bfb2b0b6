using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// The other routes of an answer through Graph: the user's one-on-one Teams chats (<c>/me/chats</c> with members and
/// the last message's preview, then a chat's messages, 20 chats to a <c>$batch</c>) and their calendar
/// (<c>/me/calendarView</c>). Each route has its own client, so each asks for its own token: an optional permission
/// nobody consented to turns that route off and nothing else. Same pipeline as mail: the mailbox's concurrency gate,
/// breaker, retry layer and counter.
/// </summary>
/// <param name="chats">Null when this mailbox cannot read chats (the application's own token).</param>
public sealed partial class GraphAnswerRoutes(GraphServiceClient? chats, GraphServiceClient calendar, TimeProvider time, GraphOptions options) : IAnswerRoutes
{
    /// <summary>The delegated permission chats need (Chat.ReadBasic gives no message, not even the preview).</summary>
    public const string ChatPermission = "Chat.Read";

    /// <summary>The delegated permission the calendar view needs: it reads attendees and their answers, never bodies.</summary>
    public const string CalendarPermission = "Calendars.ReadBasic";

    /// <summary>Graph's largest page of chats, and of a chat's messages.</summary>
    public const int ChatPage = 50;

    public bool CanReadChats => chats is not null;

    public async Task<IReadOnlyList<ChatPreview>> ListChatsAsync(IReadOnlyCollection<string> me, DateTimeOffset newerThan, CancellationToken cancellationToken)
    {
        var client = chats ?? throw new NotSupportedException("This mailbox cannot read Teams chats.");
        var mine = new HashSet<string>(me.Select(a => a.Trim()), StringComparer.OrdinalIgnoreCase);
        var found = new List<ChatPreview>();
        var page = await CallAsync(() => client.Me.Chats.GetAsync(
            c =>
            {
                c.QueryParameters.Expand = ["members", "lastMessagePreview"];
                c.QueryParameters.Orderby = ["lastMessagePreview/createdDateTime desc"];
                c.QueryParameters.Top = ChatPage;
                GraphQuery.AddPreferences(c.Headers);
            },
            cancellationToken), ChatPermission, cancellationToken);
        while (page is not null)
        {
            var reachedOld = false;
            foreach (var chat in page.Value ?? [])
            {
                var last = chat.LastMessagePreview is { IsDeleted: not true } preview ? preview.CreatedDateTime : null;
                reachedOld |= last is null || last <= newerThan;
                if (chat.ChatType == ChatType.OneOnOne && Preview(chat, mine, last) is { } oneOnOne)
                {
                    found.Add(oneOnOne);
                }
            }

            var next = page.OdataNextLink;
            page = reachedOld || next is null ? null : await CallAsync(() => client.Me.Chats.WithUrl(next).GetAsync(
                c => GraphQuery.AddPreferences(c.Headers), cancellationToken), ChatPermission, cancellationToken);
        }

        return found;
    }

    /// <summary>The other member of a one-on-one chat and who wrote its last message; null when it has no other member with an address.</summary>
    private static ChatPreview? Preview(Chat chat, HashSet<string> me, DateTimeOffset? last)
    {
        var members = (chat.Members ?? []).OfType<AadUserConversationMember>().ToList();
        var other = members.FirstOrDefault(m => m.Email is { Length: > 0 } email && !me.Contains(email.Trim()));
        if (chat.Id is null || other?.UserId is not { Length: > 0 } otherId)
        {
            return null;
        }

        var from = chat.LastMessagePreview?.From?.User?.Id;
        bool? fromMe = last is null || from is null ? null : !string.Equals(from, otherId, StringComparison.OrdinalIgnoreCase);
        return new ChatPreview(chat.Id, other.Email!.Trim().ToLowerInvariant(), otherId, string.IsNullOrWhiteSpace(other.DisplayName) ? null : other.DisplayName.Trim(), last, fromMe);
    }

    public async Task<IReadOnlyDictionary<string, ChatSides>> GetChatSidesAsync(
        IReadOnlyList<ChatToRead> chatsToRead, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var client = chats ?? throw new NotSupportedException("This mailbox cannot read Teams chats.");
        var parts = chatsToRead.DistinctBy(c => c.ChatId, StringComparer.Ordinal).Select(chat => new GraphBatchPart(chat.ChatId, () =>
            client.Me.Chats[chat.ChatId].Messages.ToGetRequestInformation(c =>
            {
                // Graph filters chat messages by lastModifiedDateTime only when it orders by it too.
                c.QueryParameters.Top = ChatPage;
                c.QueryParameters.Orderby = ["lastModifiedDateTime desc"];
                c.QueryParameters.Filter = $"lastModifiedDateTime gt {since.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}";
                GraphQuery.AddBatchPartPreferences(c.Headers);
            }))).ToList();
        var them = chatsToRead.ToDictionary(c => c.ChatId, c => c.CounterpartUserId, StringComparer.Ordinal);
        var outcomes = await new GraphBatch(client, time, options).SendAsync(parts, ChatPermission, cancellationToken);
        var sides = new Dictionary<string, ChatSides>(StringComparer.Ordinal);
        foreach (var (chatId, outcome) in outcomes)
        {
            if (outcome.Failure is MailAccessDeniedException or MailConsentRequiredException)
            {
                throw outcome.Failure; // the token's, not this chat's: every other part says the same
            }

            if (outcome.Failure is not null || outcome.Body is null)
            {
                continue; // absent: read again at the next check
            }

            var page = await KiotaJsonSerializer.DeserializeAsync(outcome.Body, ChatMessageCollectionResponse.CreateFromDiscriminatorValue, cancellationToken);
            sides[chatId] = Sides(page?.Value ?? [], them[chatId]);
        }

        return sides;
    }

    /// <summary>The newest message of each side; events (members added, calls) and deleted messages are nobody's words.</summary>
    private static ChatSides Sides(IEnumerable<ChatMessage> messages, string otherId)
    {
        DateTimeOffset? theirs = null, mine = null;
        foreach (var message in messages)
        {
            if (message.MessageType != ChatMessageType.Message || message.DeletedDateTime is not null || message.CreatedDateTime is not { } at
                || message.From?.User?.Id is not { Length: > 0 } from)
            {
                continue;
            }

            if (string.Equals(from, otherId, StringComparison.OrdinalIgnoreCase))
            {
                theirs = theirs > at ? theirs : at;
            }
            else
            {
                mine = mine > at ? mine : at;
            }
        }

        return new ChatSides(theirs, mine);
    }

    private static Task<T> CallAsync<T>(Func<Task<T>> call, string permission, CancellationToken cancellationToken) =>
        GraphFailures.CallAsync(call, permission, cancellationToken);
}
