using System.Text.Json;
using System.Text.Json.Serialization;
using OutlookFollowUp.FollowUps;


namespace OutlookFollowUp.MailIndex;

/// <summary>A thread row's other-route answers and hold, as the <c>routes</c> column holds them.</summary>
internal sealed record StoredRoutes(IReadOnlyList<RouteAnswer>? Answered, RouteHold? Hold)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string? Write(FollowUp f) =>
        f.Answered.Count == 0 && f.Hold is null ? null : JsonSerializer.Serialize(new StoredRoutes(f.Answered.Count == 0 ? null : f.Answered, f.Hold), Json);

    /// <summary>Null when there is nothing, or when the column cannot be read (the next computation writes it again).</summary>
    public static StoredRoutes? Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StoredRoutes>(stored, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
