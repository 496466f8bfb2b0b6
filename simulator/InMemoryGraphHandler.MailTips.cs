using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.GraphSimulator;

public sealed partial class InMemoryGraphHandler
{
    /// <summary>As Graph: at most 100 addresses per getMailTips call.</summary>
    public const int MaxMailTipsAddresses = 100;

    /// <summary>
    /// POST /me/getMailTips with <c>MailTipsOptions: automaticReplies</c>: one entry per address, its automatic reply's
    /// message (empty when off) and scheduled window, as the mailbox's <see cref="InMemoryMailbox.SetAutomaticReply"/> set them.
    /// </summary>
    private HttpResponseMessage MailTips(GraphRequest request, string? body)
    {
        JsonObject? ask;
        try
        {
            ask = body is null ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            ask = null;
        }

        var addresses = ask?["EmailAddresses"] as JsonArray ?? ask?["emailAddresses"] as JsonArray;
        var options = (ask?["MailTipsOptions"] ?? ask?["mailTipsOptions"])?.GetValue<string>();
        if (addresses is null || addresses.Count == 0 || options is null)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "ErrorInvalidRequest", "getMailTips needs EmailAddresses and MailTipsOptions.");
        }

        if (addresses.Count > MaxMailTipsAddresses)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "ErrorInvalidArgument", $"getMailTips takes at most {MaxMailTipsAddresses} addresses.");
        }

        if (!options.Split(',', StringSplitOptions.TrimEntries).Contains("automaticReplies", StringComparer.OrdinalIgnoreCase))
        {
            return Refuse(request, HttpStatusCode.BadRequest, "ErrorInvalidRequest", "The in-memory mailbox serves only the automaticReplies MailTip.");
        }

        var value = new JsonArray();
        foreach (var address in addresses.Select(a => a?.GetValue<string>() ?? ""))
        {
            var reply = Mailbox.AutomaticReplyOf(address);
            var replies = new JsonObject { ["message"] = reply?.Message ?? "" };
            if (reply?.Start is { } start)
            {
                replies["scheduledStartTime"] = DateTimeTimeZone(start);
            }

            if (reply?.End is { } end)
            {
                replies["scheduledEndTime"] = DateTimeTimeZone(end);
            }

            value.Add(new JsonObject
            {
                ["emailAddress"] = new JsonObject { ["name"] = "", ["address"] = address },
                ["automaticReplies"] = replies,
            });
        }

        return Json(request, new JsonObject { ["value"] = value });
    }

    /// <summary>Exchange answers in UTC unless asked otherwise (Prefer: outlook.timezone).</summary>
    private static JsonObject DateTimeTimeZone(DateTimeOffset instant) => new()
    {
        ["dateTime"] = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        ["timeZone"] = "UTC",
    };

    private JsonObject MailboxSettings()
    {
        var settings = new JsonObject { ["timeZone"] = Mailbox.TimeZone };
        if (Mailbox.WorkingHours is { } hours)
        {
            settings["workingHours"] = new JsonObject
            {
                ["daysOfWeek"] = new JsonArray([.. hours.Days.Select(d => JsonValue.Create(CultureInfo.InvariantCulture.TextInfo.ToLower(d.ToString())))]),
                ["startTime"] = hours.Start.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
                ["endTime"] = hours.End.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
                ["timeZone"] = new JsonObject { ["name"] = hours.TimeZone },
            };
        }

        return settings;
    }
}

/// <summary>Someone's automatic reply in the in-memory mailbox's directory: on when <see cref="Message"/> is set.</summary>
public sealed record InMemoryAutomaticReply(string Message, DateTimeOffset? Start = null, DateTimeOffset? End = null);

/// <summary>The mailbox owner's working hours, as Graph's mailboxSettings gives them.</summary>
public sealed record InMemoryWorkingHours(IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End, string TimeZone);
