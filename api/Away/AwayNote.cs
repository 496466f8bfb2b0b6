using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutlookFollowUp.Away;

/// <summary>
/// What the due sweep found about the counterparts' automatic replies, shown on the reminder as <c>away</c>.
/// Held: every counterpart is away with a scheduled end, <see cref="Until"/> is the latest end and <see cref="MovedTo"/>
/// the reminder's new time (the first working hour after it). Not held: an automatic reply with no end date is on
/// (<see cref="Until"/> and <see cref="MovedTo"/> null); the reminder kept its time.
/// </summary>
/// <param name="Names">Who is away (display names, or addresses when the thread has none).</param>
/// <param name="Note">The sentence for the user, e.g. "Ana is away until Thu 3 Dec; reminder moved to Fri 09:00".</param>
public sealed record AwayNote(
    IReadOnlyList<string> Names,
    DateTimeOffset? Until,
    DateTimeOffset? MovedTo,
    string Note)
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [JsonIgnore]
    public bool Held => MovedTo is not null;

    public string ToStored() => JsonSerializer.Serialize(this, Stored);

    /// <summary>The stored note, or null when there is none or it cannot be read (a note is never worth a failure).</summary>
    public static AwayNote? FromStored(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AwayNote>(stored, Stored);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
