using System.Text.Json.Serialization;

namespace OutlookFollowUp.FollowUps;

[JsonConverter(typeof(JsonStringEnumConverter<FollowUpDirection>))]
public enum FollowUpDirection
{
    /// <summary>The user wrote last and waits on the recipients (rule 5).</summary>
    [JsonStringEnumMemberName("theirs")] Theirs,

    /// <summary>Someone wrote to the user, who has not answered (rule 6).</summary>
    [JsonStringEnumMemberName("mine")] Mine,
}

/// <summary>One unanswered thread, as the rules found it. Field names are the `scan` JSON contract.</summary>
/// <param name="MessageId">The source's id of the last message (Graph immutable id; for MIME the Message-ID).</param>
/// <param name="InternetMessageId">Message-ID of the thread's last message, angle brackets included.</param>
/// <param name="Since">Date of the last message.</param>
public sealed record FollowUp(
    FollowUpDirection Direction,
    string? InternetMessageId,
    string MessageId,
    string ThreadKey,
    DateTimeOffset Since,
    string Subject,
    IReadOnlyList<string> Counterparts,
    string Reason)
{
    /// <summary>The counterparts with the display names their mail gave, in the same order; empty when not known.</summary>
    public IReadOnlyList<MailAddress> People { get; init; } = [];

    /// <summary>
    /// Waited-on people who answered another way (<see cref="OtherRoutes"/>): a colleague in the thread, a Teams chat or
    /// a meeting; empty when none. Not part of the scan JSON.
    /// </summary>
    public IReadOnlyList<RouteAnswer> Answered { get; init; } = [];

    /// <summary>A small meeting ahead with the people waited on: the thread waits for it to end. Not part of the scan JSON.</summary>
    public RouteHold? Hold { get; init; }

    /// <summary>
    /// Waiting on them: recipients a delivery failure report (a bounce) named after the user's message; empty when none.
    /// Not part of the scan JSON; the API's thread JSON carries it as <c>notDelivered</c>.
    /// </summary>
    public IReadOnlyList<NotDelivered> NotDelivered { get; init; } = [];

    /// <summary>
    /// Waiting on them: the follow-ups the user already sent without an answer (the escalation ladder): the user's
    /// consecutive messages at the end of the thread, minus the first of them; automated and generated mail skipped.
    /// Always 0 for <see cref="FollowUpDirection.Mine"/>. The `scan` JSON carries it as <c>nudges</c>.
    /// </summary>
    public int Nudges { get; init; }

    /// <summary>
    /// Waiting on them: the counterparts who wrote in the thread after the user's first message to them (a group
    /// thread's "who answered"), in the order of <see cref="Counterparts"/>; empty when none or for <c>mine</c>.
    /// Added information only: the thread is waiting all the same.
    /// </summary>
    public IReadOnlyList<MailAddress> Replied { get; init; } = [];

    /// <summary>
    /// Waiting on them: the waited-on counterparts whose automatic reply was on when the thread entered that state
    /// (Graph's MailTips, api/Away), kept only when all of them were away; empty when none, null when not asked yet.
    /// Not part of the scan JSON; the API's thread JSON carries it as <c>away</c>.
    /// </summary>
    public IReadOnlyList<AwayMark>? Away { get; init; }
}

/// <summary>A counterpart away, and until when (null: an automatic reply with no end date).</summary>
public sealed record AwayMark(string Address, string? Name, DateTimeOffset? Until);

/// <summary>A recipient the mail did not reach, with the bounce's reason when its metadata gave one.</summary>
public sealed record NotDelivered(string Address, string? Name = null, string? Reason = null);

/// <summary>What the engine returns for a mailbox: the unanswered threads, oldest first, and the messages it skipped.</summary>
public sealed record DetectionResult(IReadOnlyList<FollowUp> Threads, int Skipped);

/// <summary>The rule inputs besides the messages (docs/detection-rules.md).</summary>
public sealed record DetectionOptions
{
    public const int MinWindowHours = 24;
    public const int MaxWindowHours = 48;
    public const int DefaultWindowHours = 48;
    public const int DefaultLookbackDays = 14;

    /// <summary>The user's addresses, primary and aliases; compared case-insensitively.</summary>
    public required IReadOnlyCollection<string> Me { get; init; }

    public required DateTimeOffset Now { get; init; }

    public int WindowHours { get; init; } = DefaultWindowHours;

    public int LookbackDays { get; init; } = DefaultLookbackDays;

    public bool BusinessDays { get; init; }

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// Rules 1–8 alone, exactly as before rule 9: every unanswered thread, whatever its last message asks. When false
    /// (the default), a candidate is listed only when its last message asks (or was not read).
    /// </summary>
    public bool AllUnanswered { get; init; }
}
