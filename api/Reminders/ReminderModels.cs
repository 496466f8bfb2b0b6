using System.Text.Json.Serialization;

namespace OutlookFollowUp.Reminders;

/// <summary>POST /api/reminders: which message (either id), and when (a time, or hours from now).</summary>
public sealed record CreateReminderRequest(string? MessageId, string? InternetMessageId, DateTimeOffset? RemindAt, int? AfterHours);

/// <summary>PATCH /api/reminders/{id}: snooze to a new time.</summary>
public sealed record SnoozeRequest(DateTimeOffset? RemindAt);

[JsonConverter(typeof(JsonStringEnumConverter<ReminderStatus>))]
public enum ReminderStatus
{
    /// <summary>Waiting for its time.</summary>
    [JsonStringEnumMemberName("scheduled")] Scheduled,

    /// <summary>Its time has come and no reply arrived.</summary>
    [JsonStringEnumMemberName("due")] Due,

    /// <summary>A reply arrived (rule 7).</summary>
    [JsonStringEnumMemberName("resolved")] Resolved,

    /// <summary>The user marked it done.</summary>
    [JsonStringEnumMemberName("done")] Done,
}

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
    DateTimeOffset? ResolvedAt)
{
    /// <summary>What the user should know about this write, e.g. that Outlook flags need Mail.ReadWrite (said once); absent when nothing.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    public Reminder WithWarning(string? warning) => warning is null ? this : this with { Warnings = [.. Warnings ?? [], warning] };
}

public sealed record ReminderList(IReadOnlyList<Reminder> Reminders);

/// <summary>What a thread row in GET /api/threads says about its reminder.</summary>
public sealed record ReminderState(string Id, DateTimeOffset RemindAt, ReminderStatus Status);
