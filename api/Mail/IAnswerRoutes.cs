using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail;

/// <summary>One of the user's one-on-one Teams chats as the chats listing gives it: the other member and the last message.</summary>
/// <param name="Counterpart">The other member's address, lower-case.</param>
/// <param name="CounterpartUserId">The other member's directory id: chat messages name their sender by it.</param>
/// <param name="LastMessageAt">When the chat's last message was written; null when it has none.</param>
/// <param name="LastFromMe">Whether the user wrote that last message; null when it has none.</param>
public sealed record ChatPreview(
    string ChatId, string Counterpart, string CounterpartUserId, string? CounterpartName, DateTimeOffset? LastMessageAt, bool? LastFromMe);

/// <summary>A chat whose messages are to be read, and whose other member is who.</summary>
public sealed record ChatToRead(string ChatId, string CounterpartUserId);

/// <summary>When each side last wrote in one chat, among the messages read (null: none of theirs, or of the user's, among them).</summary>
public sealed record ChatSides(DateTimeOffset? LastFromThemAt, DateTimeOffset? LastFromMeAt);

/// <summary>
/// The other routes of an answer, for one user (the answers checked besides mail: Teams one-on-one chats, meetings).
/// Metadata only: who wrote when, who met when; no chat text or meeting body is read. Failures are the product's
/// <see cref="MailException"/>s: <see cref="MailAccessDeniedException"/> names the permission a route lacks,
/// <see cref="MailConsentRequiredException"/> says its token could not be had.
/// </summary>
public interface IAnswerRoutes
{
    /// <summary>False when this mailbox cannot read chats at all (the application's own token: Teams' protected APIs).</summary>
    bool CanReadChats { get; }

    /// <summary>
    /// The user's one-on-one chats, most recent last message first, with their members and last message's preview; the
    /// Graph adapter reads pages of 50 and stops at the first page that reaches a chat whose last message is not after
    /// <paramref name="newerThan"/> (so a check with nothing new costs one request).
    /// </summary>
    Task<IReadOnlyList<ChatPreview>> ListChatsAsync(IReadOnlyCollection<string> me, DateTimeOffset newerThan, CancellationToken cancellationToken);

    /// <summary>
    /// Per chat, the last message from each side among those changed after <paramref name="since"/> (the newest 50);
    /// the Graph adapter reads them 20 chats to a <c>$batch</c>. A chat whose read failed is absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, ChatSides>> GetChatSidesAsync(IReadOnlyList<ChatToRead> chats, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The meetings in the user's calendar between two instants, each occurrence of a series on its own.</summary>
    Task<IReadOnlyList<MeetingFact>> GetMeetingsAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string> me, CancellationToken cancellationToken);
}
