using System.Collections.Concurrent;

namespace OutlookFollowUp.GraphSimulator;

/// <summary>A member of a Teams chat: their directory id, address and name (Graph's <c>aadUserConversationMember</c>).</summary>
public sealed record InMemoryChatMember(string UserId, string Email, string DisplayName);

/// <summary>A chat message's metadata (no text): who wrote it and when; <c>messageType</c> "message", or an event such as "systemEventMessage".</summary>
public sealed record InMemoryChatMessage(string Id, string FromUserId, DateTimeOffset Created, DateTimeOffset? LastModified = null, string MessageType = "message");

/// <summary>A Teams chat of the mailbox owner: <c>oneOnOne</c> (the owner and one other member), <c>group</c> or <c>meeting</c>.</summary>
public sealed record InMemoryChat(string Id, IReadOnlyList<InMemoryChatMember> Members, string ChatType = "oneOnOne")
{
    internal List<InMemoryChatMessage> Messages { get; } = [];

    internal DateTimeOffset? LastMessageAt => Messages.Count == 0 ? null : Messages.Max(m => m.Created);
}

/// <summary>An attendee of an event and their answer (Graph's <c>responseStatus.response</c>: none, accepted, declined…).</summary>
public sealed record InMemoryAttendee(InMemoryAddress Address, string Response = "accepted");

/// <summary>
/// An event of the owner's calendar as the calendar view returns it: one occurrence of a series is one event with the
/// series' id in <see cref="SeriesMasterId"/> (type "occurrence"); a single meeting has none ("singleInstance").
/// </summary>
public sealed record InMemoryEvent(
    string Id, DateTimeOffset Start, DateTimeOffset End, InMemoryAddress Organizer, IReadOnlyList<InMemoryAttendee> Attendees,
    bool IsCancelled = false, string? SeriesMasterId = null, string MyResponse = "organizer", string Subject = "Meeting");

public sealed partial class InMemoryMailbox
{
    /// <summary>The owner's directory id, as <c>/me</c> gives it and as chats name their messages' sender.</summary>
    public const string OwnerUserId = "00000000-0000-0000-0000-000000000001";

    private readonly ConcurrentDictionary<string, InMemoryChat> _chats = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InMemoryEvent> _events = new(StringComparer.Ordinal);

    /// <summary>False: the token lacks Chat.Read, and the chat routes answer 403 as Graph does without that consent.</summary>
    public bool ChatReadGranted { get; set; } = true;

    /// <summary>False: the token lacks Calendars.ReadBasic (or more), and the calendar view answers 403.</summary>
    public bool CalendarReadGranted { get; set; } = true;

    /// <summary>Adds a chat of the owner; its messages come with <see cref="PostChatMessage"/>.</summary>
    public InMemoryChat AddChat(InMemoryChat chat) => _chats[chat.Id] = chat;

    /// <summary>A one-on-one chat between the owner and <paramref name="other"/> (the owner's member is made from the mailbox's address).</summary>
    public InMemoryChat AddOneOnOneChat(string chatId, InMemoryChatMember other) =>
        AddChat(new InMemoryChat(chatId, [new InMemoryChatMember(OwnerUserId, Mail, Mail), other]));

    /// <summary>Someone (the owner: <see cref="OwnerUserId"/>) writes in a chat.</summary>
    public void PostChatMessage(string chatId, string fromUserId, DateTimeOffset at, string messageType = "message")
    {
        var chat = _chats[chatId];
        lock (chat.Messages)
        {
            chat.Messages.Add(new InMemoryChatMessage($"{at.ToUnixTimeMilliseconds()}-{chat.Messages.Count}", fromUserId, at, at, messageType));
        }
    }

    public void AddEvent(InMemoryEvent meeting) => _events[meeting.Id] = meeting;

    public bool RemoveEvent(string id) => _events.TryRemove(id, out _);

    internal IReadOnlyList<InMemoryChat> Chats => [.. _chats.Values];

    internal InMemoryChat? Chat(string id) => _chats.GetValueOrDefault(id);

    internal IReadOnlyList<InMemoryEvent> Events => [.. _events.Values];
}
