using Microsoft.Graph.Models;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail.Graph;

public sealed partial class GraphAnswerRoutes
{
    /// <summary>Only what the meeting rules read: never the subject, the body or the location.</summary>
    public static readonly string[] EventSelect = ["id", "start", "end", "isCancelled", "organizer", "attendees", "responseStatus", "seriesMasterId", "type"];

    /// <summary>Times come back in UTC whatever the mailbox's time zone, so an instant never depends on a zone's name.</summary>
    public const string UtcPreference = "outlook.timezone=\"UTC\"";

    public async Task<IReadOnlyList<MeetingFact>> GetMeetingsAsync(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string> me, CancellationToken cancellationToken)
    {
        var mine = new HashSet<string>(me.Select(a => a.Trim()), StringComparer.OrdinalIgnoreCase);
        var meetings = new List<MeetingFact>();
        var page = await CallAsync(() => calendar.Me.CalendarView.GetAsync(
            c =>
            {
                c.QueryParameters.StartDateTime = from.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
                c.QueryParameters.EndDateTime = to.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
                c.QueryParameters.Select = EventSelect;
                Preferences(c.Headers);
            },
            cancellationToken), CalendarPermission, cancellationToken);
        while (page is not null)
        {
            meetings.AddRange((page.Value ?? []).Select(e => Meeting(e, mine)).OfType<MeetingFact>());
            var next = page.OdataNextLink;
            page = next is null ? null : await CallAsync(() => calendar.Me.CalendarView.WithUrl(next).GetAsync(
                c => Preferences(c.Headers), cancellationToken), CalendarPermission, cancellationToken);
        }

        return meetings;
    }

    private void Preferences(Microsoft.Kiota.Abstractions.RequestHeaders headers)
    {
        GraphQuery.AddPreferences(headers, options.PageSize);
        headers.Add("Prefer", UtcPreference);
    }

    /// <summary>One event as the rules read it; null when its times cannot be read.</summary>
    internal static MeetingFact? Meeting(Event e, IReadOnlySet<string> me)
    {
        if (e.Id is null || GraphMailReader.Instant(e.Start) is not { } start || GraphMailReader.Instant(e.End) is not { } end)
        {
            return null;
        }

        var organizer = e.Organizer?.EmailAddress?.Address is { Length: > 0 } o
            ? new MeetingAttendee(o.Trim().ToLowerInvariant(), e.Organizer.EmailAddress.Name, AttendeeResponse.Organizer)
            : null;
        var attendees = (e.Attendees ?? [])
            .Where(a => a.EmailAddress?.Address is { Length: > 0 })
            .Select(a => new MeetingAttendee(a.EmailAddress!.Address!.Trim().ToLowerInvariant(), a.EmailAddress.Name, Response(a.Status?.Response)))
            .ToList();
        var declinedByMe = e.ResponseStatus?.Response == ResponseType.Declined
            || attendees.Any(a => me.Contains(a.Address) && a.Response == AttendeeResponse.Declined);
        return new MeetingFact(e.Id, start, end, organizer, attendees, e.IsCancelled == true, e.SeriesMasterId, declinedByMe);
    }

    private static AttendeeResponse Response(ResponseType? response) => response switch
    {
        ResponseType.Organizer => AttendeeResponse.Organizer,
        ResponseType.Accepted => AttendeeResponse.Accepted,
        ResponseType.TentativelyAccepted => AttendeeResponse.TentativelyAccepted,
        ResponseType.Declined => AttendeeResponse.Declined,
        ResponseType.NotResponded => AttendeeResponse.NotResponded,
        _ => AttendeeResponse.None,
    };
}
