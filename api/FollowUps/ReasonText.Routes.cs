using System.Globalization;

namespace OutlookFollowUp.FollowUps;

/// <summary>What the reasons say about answers that came another way (<see cref="OtherRoutes"/>).</summary>
public static partial class ReasonText
{
    /// <summary>
    /// The reason with the group sentence saying who answered how: " Ana replied earlier; Jonas answered for Mia; Ben
    /// answered in Teams; still waiting on Carla." It takes the place of the mail-only sentence, or follows "no reply
    /// since." and the follow-up count when there was none.
    /// </summary>
    public static string WithAnswers(
        string reason, IReadOnlyList<MailAddress> recipients, IReadOnlyList<MailAddress> replied, int nudges,
        IReadOnlyList<RouteAnswer> answered, IReadOnlyList<MailAddress> waiting, TimeZoneInfo zone, DateTimeOffset now)
    {
        var parts = new List<string>();
        if (replied.Count > 0)
        {
            parts.Add($"{Names(replied)} replied earlier");
        }

        foreach (var colleague in answered.Where(a => a.Route == AnswerRoute.Colleague).GroupBy(a => a.By!.Address, StringComparer.OrdinalIgnoreCase))
        {
            parts.Add($"{Name(colleague.First().By!)} answered for {Names([.. colleague.Select(a => a.For)])}");
        }

        if (answered.Where(a => a.Route == AnswerRoute.Teams).Select(a => a.For).ToList() is { Count: > 0 } inTeams)
        {
            parts.Add($"{Names(inTeams)} answered in Teams");
        }

        foreach (var meeting in answered.Where(a => a.Route == AnswerRoute.Meeting).GroupBy(a => a.MeetingId, StringComparer.Ordinal))
        {
            parts.Add($"you met {Names([.. meeting.Select(a => a.For)])} on {When(meeting.First().At, zone, now)}");
        }

        if (waiting.Count > 0)
        {
            parts.Add($"still waiting on {Names(waiting)}");
        }

        // Names stay as written; only the sentence's own first word ("you met") takes a capital.
        var first = parts[0].StartsWith("you ", StringComparison.Ordinal) ? "Y" + parts[0][1..] : parts[0];
        var sentence = $" {first}{string.Concat(parts.Skip(1).Select(p => "; " + p))}.";
        var mailOnly = Describe(new Ladder(0, replied), recipients);
        if (mailOnly.Length > 0 && reason.LastIndexOf(mailOnly, StringComparison.Ordinal) is var at and >= 0)
        {
            return string.Concat(reason.AsSpan(0, at), sentence, reason.AsSpan(at + mailOnly.Length));
        }

        var anchor = "no reply since." + Describe(new Ladder(nudges, []), recipients);
        var end = reason.IndexOf(anchor, StringComparison.Ordinal);
        return end < 0 ? reason + sentence : reason.Insert(end + anchor.Length, sentence);
    }

    /// <summary>" You meet Ben on Thu 10:00." (" … and Carla on Fri 09:00." when they are in different meetings).</summary>
    public static string Holding(RouteHold hold, TimeZoneInfo zone, DateTimeOffset now) =>
        " You meet " + string.Join(" and ", hold.Meetings.OrderBy(m => m.Start).Select(m => $"{Names(m.With)} on {When(m.Start, zone, now)}")) + ".";

    /// <summary>"Wed 10:00" in the user's time zone; with the date ("Wed 2 Dec 10:00") when it is more than six days away.</summary>
    public static string When(DateTimeOffset at, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var far = Math.Abs((local.Date - TimeZoneInfo.ConvertTime(now, zone).Date).TotalDays) > 6;
        return local.ToString(far ? "ddd d MMM HH:mm" : "ddd HH:mm", CultureInfo.InvariantCulture);
    }
}
