using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookFollowUp.GraphSimulator;

public sealed partial class InMemoryGraphHandler
{
    /// <summary>The event properties of Graph v1.0 that a calendar view may $select (a subset of the CSDL's).</summary>
    internal static readonly HashSet<string> EventProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "subject", "start", "end", "isCancelled", "organizer", "attendees", "responseStatus", "seriesMasterId", "type",
        "isAllDay", "showAs", "location", "body", "bodyPreview", "categories", "isOrganizer", "isOnlineMeeting", "webLink",
    };

    /// <summary>
    /// GET /me/calendarView?startDateTime=…&amp;endDateTime=…: the events overlapping the window, each occurrence of a
    /// series on its own, with <c>$select</c>, paged by <c>Prefer: odata.maxpagesize</c> (10 by default), times in
    /// UTC unless <c>Prefer: outlook.timezone</c> names another zone. Without Calendars.Read(Basic) Graph's 403.
    /// </summary>
    private HttpResponseMessage CalendarView(GraphRequest request)
    {
        if (!Mailbox.CalendarReadGranted)
        {
            return Error(HttpStatusCode.Forbidden, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }

        if (!Window(request.QueryValue("startDateTime"), out var from) || !Window(request.QueryValue("endDateTime"), out var to))
        {
            return Refuse(request, HttpStatusCode.BadRequest, "ErrorInvalidParameter",
                "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
        }

        if (request.Query.Keys.FirstOrDefault(k => k.StartsWith('$') && k is not ("$select" or "$skiptoken" or "$top")) is { } option)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"The query option '{option}' is not supported on the calendar view by the in-memory mailbox.");
        }

        var select = request.QueryValue("$select")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (select?.FirstOrDefault(p => !EventProperties.Contains(p)) is { } unknown)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"Could not find a property named '{unknown}' on type 'microsoft.graph.event'.");
        }

        var zone = OutlookZone(request.Preferences) is { } name && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found) ? (name, found) : ("UTC", TimeZoneInfo.Utc);
        var events = Mailbox.Events.Where(e => e.End > from && e.Start < to).OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var size = Math.Clamp(request.MaxPageSize ?? DefaultPageSize, 1, 1000);
        var skip = int.TryParse(request.QueryValue("$skiptoken"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var body = new JsonObject { ["value"] = new JsonArray([.. events.Skip(skip).Take(size).Select(e => Event(e, select, zone))]) };
        if (skip + size < events.Count)
        {
            body["@odata.nextLink"] = NextLink(request, "me/calendarView", skip + size);
        }

        return Json(request, body, size);
    }

    private JsonObject Event(InMemoryEvent e, string[]? select, (string Name, TimeZoneInfo Zone) zone)
    {
        var json = new JsonObject
        {
            ["id"] = e.Id,
            ["subject"] = e.Subject,
            ["type"] = e.SeriesMasterId is null ? "singleInstance" : "occurrence",
            ["seriesMasterId"] = e.SeriesMasterId,
            ["isCancelled"] = e.IsCancelled,
            ["start"] = Zoned(e.Start, zone),
            ["end"] = Zoned(e.End, zone),
            ["responseStatus"] = new JsonObject { ["response"] = e.MyResponse, ["time"] = "0001-01-01T00:00:00Z" },
            ["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = e.Organizer.Name, ["address"] = e.Organizer.Address } },
            ["attendees"] = new JsonArray([.. e.Attendees.Select(a => new JsonObject
            {
                ["type"] = "required",
                ["status"] = new JsonObject { ["response"] = a.Response, ["time"] = "0001-01-01T00:00:00Z" },
                ["emailAddress"] = new JsonObject { ["name"] = a.Address.Name, ["address"] = a.Address.Address },
            })]),
        };
        if (select is not null)
        {
            foreach (var key in json.Select(p => p.Key).Where(k => k != "id" && !select.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList())
            {
                json.Remove(key);
            }
        }

        return json;
    }

    private static JsonObject Zoned(DateTimeOffset instant, (string Name, TimeZoneInfo Zone) zone) => new()
    {
        ["dateTime"] = TimeZoneInfo.ConvertTime(instant, zone.Zone).DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        ["timeZone"] = zone.Name,
    };

    /// <summary>An ISO 8601 bound of the window; one without an offset is UTC, as Graph reads it.</summary>
    private static bool Window(string? value, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);

    private static string? OutlookZone(IReadOnlyList<string> preferences) =>
        preferences.Select(p => OutlookZonePattern().Match(p)).FirstOrDefault(m => m.Success)?.Groups[1].Value;

    [GeneratedRegex("^outlook\\.timezone=\"?([^\"]+)\"?$", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookZonePattern();
}
