using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Localization;

public sealed partial class ServerTexts
{
    /// <summary>The weekday alone, as the language abbreviates it ("Thu", "gio", "Do.", "jeu.", "jue").</summary>
    public string Weekday(DateTimeOffset local) => local.ToString("ddd", Culture);

    /// <summary>
    /// How an answer came, in one sentence: "Ben answered in Teams on Wed 10:00", "You met Ben on Wed 10:00", "Jonas
    /// answered for Mia"; times in <paramref name="zone"/>, with the date when more than six days from <paramref name="now"/>.
    /// </summary>
    public string Answered(RouteAnswer answer, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(answer.At, zone);
        var when = WeekdayTime(local, withDay: Math.Abs((local.Date - TimeZoneInfo.ConvertTime(now, zone).Date).TotalDays) > 6);
        return answer.Route switch
        {
            AnswerRoute.Teams => Format(TextKey.RouteTeams, values: [("name", ReasonText.Name(answer.For)), ("when", when)]),
            AnswerRoute.Meeting => Format(TextKey.RouteMet, values: [("names", ReasonText.Name(answer.For)), ("when", when)]),
            AnswerRoute.Colleague when answer.By is { } by => Format(TextKey.RouteColleague, values: [("name", ReasonText.Name(by)), ("names", ReasonText.Name(answer.For))]),
            _ => "",
        };
    }

    /// <summary>"You meet Ben on Thu; reminder moved to Thu 11:30" (the new time with its date when more than six days away).</summary>
    public string MeetingHeld(RouteHold hold, TimeZoneInfo zone, DateTimeOffset now)
    {
        var first = hold.Meetings.MinBy(m => m.Start)!;
        var moved = TimeZoneInfo.ConvertTime(hold.Until, zone);
        var far = (moved.Date - TimeZoneInfo.ConvertTime(now, zone).Date).TotalDays > 6;
        return Format(TextKey.RouteMeetingHeld, values:
        [
            ("names", List([.. hold.Meetings.SelectMany(m => m.With).Select(ReasonText.Name).Distinct(StringComparer.Ordinal)])),
            ("day", Weekday(TimeZoneInfo.ConvertTime(first.Start, zone))),
            ("movedTo", WeekdayTime(moved, far)),
        ]);
    }
}
