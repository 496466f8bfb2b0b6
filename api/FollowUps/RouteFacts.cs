using System.Text.Json.Serialization;

namespace OutlookFollowUp.FollowUps;

/// <summary>
/// The user's one-on-one Teams chat with one person: when each side last wrote, as far as was read (null: not seen).
/// Metadata only: no chat text ever reaches the engine.
/// </summary>
/// <param name="Counterpart">The other member's address, lower-case.</param>
public sealed record ChatFact(string Counterpart, DateTimeOffset? LastFromThemAt, DateTimeOffset? LastFromMeAt, string? Name = null);

/// <summary>How an attendee answered a meeting request (Graph's <c>responseStatus.response</c>).</summary>
public enum AttendeeResponse
{
    None,
    Organizer,
    Accepted,
    TentativelyAccepted,
    Declined,
    NotResponded,
}

/// <param name="Address">Lower-case.</param>
public sealed record MeetingAttendee(string Address, string? Name = null, AttendeeResponse Response = AttendeeResponse.None);

/// <summary>
/// One meeting in the user's calendar. An occurrence of a recurring meeting is one meeting of its own
/// (<see cref="SeriesId"/> names the series), so a weekly one-on-one counts one occurrence at a time.
/// </summary>
/// <param name="DeclinedByMe">The user declined it: it does not take place for them.</param>
public sealed record MeetingFact(
    string Id,
    DateTimeOffset Start,
    DateTimeOffset End,
    MeetingAttendee? Organizer,
    IReadOnlyList<MeetingAttendee> Attendees,
    bool Cancelled = false,
    string? SeriesId = null,
    bool DeclinedByMe = false);

/// <summary>What the other routes of an answer said when last checked: the user's one-on-one chats and meetings.</summary>
public sealed record RouteFacts(IReadOnlyList<ChatFact> Chats, IReadOnlyList<MeetingFact> Meetings)
{
    public static readonly RouteFacts None = new([], []);
}

/// <summary>How someone answered: in the thread by mail, in a Teams chat, in a meeting, or through a colleague.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerRoute>))]
public enum AnswerRoute
{
    [JsonStringEnumMemberName("mail")] Mail,
    [JsonStringEnumMemberName("teams")] Teams,
    [JsonStringEnumMemberName("meeting")] Meeting,
    [JsonStringEnumMemberName("colleague")] Colleague,
}

/// <summary>A waited-on person who answered another way than by their own mail in the thread.</summary>
/// <param name="For">Who was waited on.</param>
/// <param name="At">The chat message's time, the meeting's start, or the colleague's mail's date.</param>
/// <param name="By">Who answered for them (a colleague); null when they answered themselves.</param>
/// <param name="MeetingId">The meeting (occurrence) that answered, for <see cref="AnswerRoute.Meeting"/>.</param>
public sealed record RouteAnswer(MailAddress For, AnswerRoute Route, DateTimeOffset At, MailAddress? By = null, string? MeetingId = null);

/// <summary>A small meeting ahead with some of the people waited on.</summary>
public sealed record HeldMeeting(IReadOnlyList<MailAddress> With, DateTimeOffset Start, DateTimeOffset End, string MeetingId, string? SeriesId = null);

/// <summary>Meetings ahead that hold a thread (or a reminder) until the last of them has ended.</summary>
public sealed record RouteHold(IReadOnlyList<HeldMeeting> Meetings)
{
    public DateTimeOffset Until => Meetings.Max(m => m.End);
}
