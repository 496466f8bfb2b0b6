using System.Text.Json;
using System.Text.Json.Serialization;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Reminders;

/// <summary>How a reminder was answered another way than by the person's own mail, as the <c>resolved_route</c> column holds it.</summary>
/// <param name="For">A colleague's answer: who they answered for (address and name).</param>
internal sealed record RouteResolution(AnswerRoute Route, DateTimeOffset? At, MailAddress? For, string? Note)
{
    public string ToStored() => JsonSerializer.Serialize(this, StoredNotes.Json);

    public static RouteResolution? FromStored(string? stored) => StoredNotes.Read<RouteResolution>(stored);
}

/// <summary>
/// A reminder held for a small meeting ahead: with whom, when it starts, the reminder's new time (its end), and the
/// sentence for the user ("You meet Ben on Thu; reminder moved to Thu 11:30"). <paramref name="SeriesId"/> (the series,
/// or the single meeting) keeps a recurring meeting from holding the reminder a second time.
/// </summary>
public sealed record MeetingHoldNote(IReadOnlyList<string> Names, DateTimeOffset Start, DateTimeOffset MovedTo, string Note, string? SeriesId = null)
{
    public string ToStored() => JsonSerializer.Serialize(this, StoredNotes.Json);

    public static MeetingHoldNote? FromStored(string? stored) => StoredNotes.Read<MeetingHoldNote>(stored);
}

internal static class StoredNotes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Null when there is none or it cannot be read: a note is never worth a failure.</summary>
    public static T? Read<T>(string? stored)
        where T : class
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(stored, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
