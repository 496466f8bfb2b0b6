using System.Text.Json.Serialization;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Scan;

namespace OutlookFollowUp.Threads;

/// <summary>
/// A waited-on person who answered another way (a group thread's row: the others are still waited on): <c>route</c>
/// <c>teams</c>, <c>meeting</c> or <c>colleague</c>, when (UTC), and for a colleague who answered.
/// </summary>
public sealed record ThreadAnswer(
    string Address, string? Name, AnswerRoute Route, string At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ThreadPerson? By)
{
    public static ThreadAnswer[]? Of(FollowUp f) => f.Answered.Count == 0 ? null
        : [.. f.Answered.Select(a => new ThreadAnswer(a.For.Address, a.For.Name, a.Route, ScanThread.FormatInstant(a.At),
            a.By is { } by ? new ThreadPerson(by.Address, by.Name) : null))];
}

/// <summary>The small meetings ahead with the people waited on: the thread waits until the last of them has ended.</summary>
public sealed record ThreadHold(string Until, IReadOnlyList<ThreadMeeting> Meetings)
{
    public static ThreadHold? Of(FollowUp f) => f.Hold is not { } hold ? null
        : new(ScanThread.FormatInstant(hold.Until), [.. hold.Meetings.Select(m => new ThreadMeeting(
            [.. m.With.Select(p => new ThreadPerson(p.Address, p.Name ?? f.People.FirstOrDefault(q => q.Address == p.Address)?.Name))],
            ScanThread.FormatInstant(m.Start), ScanThread.FormatInstant(m.End)))]);
}

/// <summary>A meeting ahead: with whom, from when to when (UTC).</summary>
public sealed record ThreadMeeting(IReadOnlyList<ThreadPerson> With, string Start, string End);
