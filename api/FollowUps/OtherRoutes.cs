namespace OutlookFollowUp.FollowUps;

/// <summary>
/// Answers that come another way than mail in the thread (docs/detection-rules.md): a one-on-one Teams chat, a small
/// meeting, a colleague in a group thread. Pure: chats and meetings come in as facts, like messages. Runs over the
/// follow-ups rules 1–9 found, so the `scan` command (mail only) never sees it.
/// </summary>
public static partial class OtherRoutes
{
    /// <summary>A meeting of more people (the user included) is not a conversation with one of them.</summary>
    public const int MaxMeetingSize = 6;

    /// <summary>How far ahead a meeting holds a thread or a reminder.</summary>
    public static readonly TimeSpan HoldAhead = TimeSpan.FromDays(7);

    /// <summary>
    /// The follow-ups minus those answered another way (every waited-on person answered in Teams or in a meeting after
    /// the thread's last message), the others with who answered how (<see cref="FollowUp.Answered"/>), their meeting
    /// ahead (<see cref="FollowUp.Hold"/>) and the reason saying so. Order kept.
    /// </summary>
    /// <param name="colleagueAnswers">The user setting: in a group thread a colleague's reply answers for a waited-on person.</param>
    public static IReadOnlyList<FollowUp> Apply(
        IReadOnlyList<FollowUp> followUps, IReadOnlyList<MailThread> threads, RouteFacts facts, DetectionOptions options, bool colleagueAnswers)
    {
        if (facts.Chats.Count == 0 && facts.Meetings.Count == 0 && !colleagueAnswers)
        {
            return followUps;
        }

        var byKey = threads.ToDictionary(t => t.Key, StringComparer.Ordinal);
        ThreadRules? rules = null;
        var result = new List<FollowUp>(followUps.Count);
        foreach (var followUp in followUps)
        {
            var colleagues = (IReadOnlyList<RouteAnswer>)[];
            if (colleagueAnswers && IsGroup(followUp) && byKey.TryGetValue(followUp.ThreadKey, out var thread))
            {
                rules ??= new ThreadRules(options, MessagesById.Of(threads));
                colleagues = rules.ColleagueAnswers(thread, [.. People(followUp).Where(p => !Contains(followUp.Replied, p.Address))]);
            }

            if (Route(followUp, colleagues, facts, options) is { } routed)
            {
                result.Add(routed);
            }
        }

        return result;
    }

    /// <returns>Null when every waited-on person answered after the thread's last message.</returns>
    private static FollowUp? Route(FollowUp followUp, IReadOnlyList<RouteAnswer> colleagues, RouteFacts facts, DetectionOptions options)
    {
        var people = People(followUp);
        var waiting = followUp.Direction == FollowUpDirection.Mine ? [.. people.Take(1)]
            : people.Where(p => !Contains(followUp.Replied, p.Address) && !colleagues.Any(c => Same(c.For.Address, p.Address))).ToList();
        var answers = waiting.Select(p => AnswerOf(p, followUp.Direction, followUp.Since, facts, options)).OfType<RouteAnswer>().ToList();
        if (waiting.Count > 0 && answers.Count == waiting.Count)
        {
            return null;
        }

        var still = waiting.Where(p => !answers.Any(a => Same(a.For.Address, p.Address))).ToList();
        var hold = Hold(still, followUp.Since, facts, options);
        IReadOnlyList<RouteAnswer> answered = [.. colleagues, .. answers];
        if (answered.Count == 0 && hold is null)
        {
            return followUp;
        }

        var reason = answered.Count == 0 ? followUp.Reason
            : ReasonText.WithAnswers(followUp.Reason, people, followUp.Replied, followUp.Nudges, answered, still, options.TimeZone, options.Now);
        return followUp with
        {
            Answered = answered,
            Hold = hold,
            Reason = hold is null ? reason : reason + ReasonText.Holding(hold, options.TimeZone, options.Now),
        };
    }

    /// <summary>
    /// How <paramref name="person"/> answered after <paramref name="after"/> another way, the earliest way first: waiting on
    /// them, they wrote in the one-on-one chat (waiting on the user, the user wrote there), or a small meeting with them
    /// took place (started after it and has ended). Null when neither.
    /// </summary>
    public static RouteAnswer? AnswerOf(MailAddress person, FollowUpDirection direction, DateTimeOffset after, RouteFacts facts, DetectionOptions options)
    {
        RouteAnswer? best = null;
        if (facts.Chats.FirstOrDefault(c => Same(c.Counterpart, person.Address)) is { } chat
            && (direction == FollowUpDirection.Theirs ? chat.LastFromThemAt : chat.LastFromMeAt) is { } wrote && wrote > after && wrote <= options.Now)
        {
            best = new RouteAnswer(person, AnswerRoute.Teams, wrote);
        }

        foreach (var meeting in facts.Meetings)
        {
            if (meeting.Start > after && meeting.End <= options.Now && (best is null || meeting.Start < best.At) && Counts(meeting, person.Address, options.Me))
            {
                best = new RouteAnswer(person, AnswerRoute.Meeting, meeting.Start, MeetingId: meeting.Id);
            }
        }

        return best;
    }

    /// <summary>
    /// The meetings that hold the thread: each of <paramref name="people"/> has a small meeting still ahead (in progress,
    /// or starting within <see cref="HoldAhead"/>), the next one only, so a recurring meeting counts one occurrence at a
    /// time. Null when one of them has none.
    /// </summary>
    public static RouteHold? Hold(IReadOnlyList<MailAddress> people, DateTimeOffset after, RouteFacts facts, DetectionOptions options)
    {
        if (people.Count == 0)
        {
            return null;
        }

        var meetings = new List<HeldMeeting>();
        foreach (var person in people)
        {
            if (NextMeeting(person, after, facts, options) is not { } next)
            {
                return null;
            }

            var index = meetings.FindIndex(m => m.MeetingId == next.MeetingId);
            if (index < 0)
            {
                meetings.Add(next);
            }
            else
            {
                meetings[index] = meetings[index] with { With = [.. meetings[index].With, person] };
            }
        }

        return new RouteHold(meetings);
    }

    /// <summary>
    /// A reminder's answer (rule 7 takes any reply, so any one counterpart answering another way resolves it): the earliest.
    /// </summary>
    public static RouteAnswer? AnswerOfAny(IReadOnlyList<MailAddress> counterparts, FollowUpDirection direction, DateTimeOffset after, RouteFacts facts, DetectionOptions options) =>
        counterparts.Select(p => AnswerOf(p, direction, after, facts, options)).OfType<RouteAnswer>().MinBy(a => a.At);

    /// <summary>
    /// A reminder coming due waits for the first small meeting ahead with any counterpart (at its end the meeting has
    /// answered it); a meeting of <paramref name="heldSeries"/> never holds it again, so a series holds it once.
    /// </summary>
    public static RouteHold? HoldOfAny(
        IReadOnlyList<MailAddress> counterparts, DateTimeOffset after, RouteFacts facts, DetectionOptions options, string? heldSeries = null)
    {
        var next = counterparts.Select(p => NextMeeting(p, after, facts, options, heldSeries)).OfType<HeldMeeting>().ToList();
        if (next.MinBy(m => m.End) is not { } first)
        {
            return null;
        }

        return new RouteHold([first with { With = [.. next.Where(m => m.MeetingId == first.MeetingId).SelectMany(m => m.With)] }]);
    }

    private static HeldMeeting? NextMeeting(MailAddress person, DateTimeOffset after, RouteFacts facts, DetectionOptions options, string? skipSeries = null)
    {
        MeetingFact? next = null;
        foreach (var meeting in facts.Meetings)
        {
            if (meeting.End > options.Now && meeting.Start > after && meeting.Start <= options.Now + HoldAhead
                && (next is null || meeting.Start < next.Start) && (skipSeries is null || (meeting.SeriesId ?? meeting.Id) != skipSeries)
                && Counts(meeting, person.Address, options.Me))
            {
                next = meeting;
            }
        }

        return next is null ? null : new HeldMeeting([person], next.Start, next.End, next.Id, next.SeriesId ?? next.Id);
    }

    /// <summary>
    /// A meeting that counts as a conversation with <paramref name="address"/>: not cancelled, not declined by the user,
    /// at most <see cref="MaxMeetingSize"/> people, and they organize it or attend without having declined.
    /// </summary>
    public static bool Counts(MeetingFact meeting, string address, IReadOnlyCollection<string> me)
    {
        if (meeting.Cancelled || meeting.DeclinedByMe || meeting.End < meeting.Start)
        {
            return false;
        }

        var people = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (meeting.Organizer is { Address.Length: > 0 } organizer)
        {
            people.Add(organizer.Address);
        }

        foreach (var attendee in meeting.Attendees)
        {
            if (attendee.Address.Length > 0)
            {
                people.Add(attendee.Address);
            }
        }

        var userListed = people.Overlaps(me.Select(m => m.Trim()));
        if (people.Count + (userListed ? 0 : 1) > MaxMeetingSize)
        {
            return false;
        }

        return (meeting.Organizer is { } o && Same(o.Address, address))
            || meeting.Attendees.Any(a => Same(a.Address, address) && a.Response != AttendeeResponse.Declined);
    }

    private static bool IsGroup(FollowUp followUp) => followUp.Direction == FollowUpDirection.Theirs && followUp.Counterparts.Count > 1;

    private static IReadOnlyList<MailAddress> People(FollowUp followUp) =>
        followUp.People.Count > 0 ? followUp.People : [.. followUp.Counterparts.Select(a => new MailAddress(a))];

    private static bool Contains(IReadOnlyList<MailAddress> people, string address) => people.Any(p => Same(p.Address, address));

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
