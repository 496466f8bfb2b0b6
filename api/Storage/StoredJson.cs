using System.Text.Json;
using System.Text.Json.Serialization;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Storage;

/// <summary>Compact JSON for the small lists stored in one column (never queried by the database, read with the row).</summary>
internal static class StoredJson
{
    public static string? Strings(IReadOnlyList<string> values) =>
        values.Count == 0 ? null : JsonSerializer.Serialize(values, StoredJsonContext.Default.IReadOnlyListString);

    public static IReadOnlyList<string> Strings(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, StoredJsonContext.Default.StringArray) ?? [];

    public static string? Addresses(IReadOnlyList<MailAddress> values) =>
        values.Count == 0
            ? null
            : JsonSerializer.Serialize(values.Select(a => new StoredAddress(a.Address, a.Name)).ToArray(), StoredJsonContext.Default.StoredAddressArray);

    public static IReadOnlyList<MailAddress> Addresses(string? json) =>
        json is null
            ? []
            : (JsonSerializer.Deserialize(json, StoredJsonContext.Default.StoredAddressArray) ?? []).Select(a => new MailAddress(a.A, a.N)).ToArray();
}

internal sealed record StoredAddress(
    [property: JsonPropertyName("a")] string A,
    [property: JsonPropertyName("n")] string? N);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(StoredAddress[]))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;
