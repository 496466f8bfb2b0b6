namespace OutlookFollowUp.FollowUps;

/// <summary>The other routes for reminders (rule 7 tracks one message; any answer resolves it).</summary>
public static partial class OtherRoutes
{
    /// <summary>Who a tracked message waits on, and which way: its recipients other than the user when the user wrote it, else its sender.</summary>
    public static (IReadOnlyList<MailAddress> People, FollowUpDirection Direction) Counterparts(MailRecord tracked, IReadOnlyCollection<string> me)
    {
        var mine = new HashSet<string>(me.Select(a => a.Trim()), StringComparer.OrdinalIgnoreCase);
        if (!mine.Contains(tracked.From))
        {
            return (tracked.From.Length > 0 ? [new MailAddress(tracked.From, tracked.FromName)] : [], FollowUpDirection.Mine);
        }

        return ([.. tracked.To.Concat(tracked.Cc).Where(a => a.Address.Length > 0 && !mine.Contains(a.Address))
            .DistinctBy(a => a.Address, StringComparer.OrdinalIgnoreCase)], FollowUpDirection.Theirs);
    }

    /// <summary>
    /// A reply by mail that resolved a reminder, said as a colleague's answer when its sender was none of the tracked
    /// message's people but works with one of them (same organization's domain); null when it is the person's own.
    /// </summary>
    public static RouteAnswer? ColleagueReply(MailRecord tracked, MailRecord reply, IReadOnlyCollection<string> me)
    {
        var (people, _) = Counterparts(tracked, me);
        if (people.Any(p => string.Equals(p.Address, reply.From, StringComparison.OrdinalIgnoreCase)) || reply.Date is not { } at)
        {
            return null;
        }

        return people.FirstOrDefault(p => Organizations.Colleagues(reply.From, p.Address)) is { } person
            ? new RouteAnswer(person, AnswerRoute.Colleague, at, new MailAddress(reply.From, reply.FromName))
            : null;
    }
}
