using System.Text.Json.Serialization;

namespace OutlookFollowUp.Reminders;

/// <summary>POST /api/reminders: which message (either id), and when (a time, or hours from now).</summary>
public sealed record CreateReminderRequest(
    string? MessageId, string? InternetMessageId, [property: JsonConverter(typeof(RemindAtJson))] DateTimeOffset? RemindAt, int? AfterHours);

/// <summary>PATCH /api/reminders/{id}: snooze to a new time.</summary>
public sealed record SnoozeRequest([property: JsonConverter(typeof(RemindAtJson))] DateTimeOffset? RemindAt);

[JsonConverter(typeof(JsonStringEnumConverter<ReminderStatus>))]
public enum ReminderStatus
{
    /// <summary>Waiting for its time (or for the due sweep to confirm, in Graph, that no reply came).</summary>
    [JsonStringEnumMemberName("scheduled")] Scheduled,

    /// <summary>Its time has come and, checked in Graph right before, no reply arrived.</summary>
    [JsonStringEnumMemberName("due")] Due,

    /// <summary>A reply arrived (rule 7).</summary>
    [JsonStringEnumMemberName("resolved")] Resolved,

    /// <summary>The user marked it done.</summary>
    [JsonStringEnumMemberName("done")] Done,
}

/// <param name="DueAt">When the due sweep found its time passed with no reply (checked in Graph across all folders).</param>
/// <param name="ResolvedBy">Whose reply resolved it (rule 7), with <see cref="ResolvedAt"/>.</param>
/// <param name="ClosedBy">How it was closed: <c>user</c> (marked done), <c>reply</c> (rule 7), <c>outlook</c> (its flag completed or cleared by hand in Outlook); null while open.</param>
/// <param name="Source"><c>compose</c> when <b>Remind me if no reply</b> on the draft made it; null when asked for on a message.</param>
public sealed record Reminder(
    string Id,
    string? MessageId,
    string? InternetMessageId,
    string? ThreadKey,
    string Subject,
    DateTimeOffset RemindAt,
    DateTimeOffset CreatedAt,
    ReminderStatus Status,
    DateTimeOffset? DoneAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? DueAt = null,
    ReminderPerson? ResolvedBy = null,
    string? ClosedBy = null,
    string? Source = null)
{
    /// <summary>What the user should know about this write, e.g. that Outlook flags need Mail.ReadWrite (said once); absent when nothing.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>The counterparts' automatic replies, when the due sweep found them away (<see cref="global::OutlookFollowUp.Away.AwayNote"/>); absent when nothing.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public global::OutlookFollowUp.Away.AwayNote? Away { get; init; }

    /// <summary>The small meeting ahead the due sweep held the reminder for (<see cref="MeetingHoldNote"/>); absent when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MeetingHoldNote? Hold { get; init; }

    public Reminder WithWarning(string? warning) => warning is null ? this : this with { Warnings = [.. Warnings ?? [], warning] };
}

/// <summary>
/// Who answered: the person whose reply (or chat, or meeting) resolved a reminder, and how (<c>route</c>: <c>mail</c>,
/// <c>teams</c>, <c>meeting</c>, <c>colleague</c>). For a colleague, <c>for</c> is who they answered for; <c>at</c> is the
/// chat message's time or the meeting's start; <c>note</c> says it in the user's language ("You met Ben on Wed 10:00").
/// </summary>
public sealed record ReminderPerson(string? Name, string Address)
{
    public global::OutlookFollowUp.FollowUps.AnswerRoute Route { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? At { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReminderPerson? For { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }
}

/// <summary>How a closed reminder was closed (<see cref="Reminder.ClosedBy"/>).</summary>
public static class ReminderClosedBy
{
    public const string User = "user";
    public const string Reply = "reply";
    public const string Outlook = "outlook";
}

public sealed record ReminderList(IReadOnlyList<Reminder> Reminders);

/// <summary>What a thread row in GET /api/threads says about its reminder.</summary>
public sealed record ReminderState(string Id, DateTimeOffset RemindAt, ReminderStatus Status);
