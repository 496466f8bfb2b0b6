using System.Text.Json;

namespace OutlookFollowUp.Local;

/// <summary>
/// Reads a claim-bearing JWT's payload WITHOUT validating it: only for a token the user pasted for their own mailbox,
/// to name the mailbox and know when the token runs out. Nothing here is a security decision; Graph validates the token.
/// </summary>
internal static class UnvalidatedJwt
{
    /// <returns>What <paramref name="read"/> takes from the payload object, or default when it is not a readable JWT.</returns>
    public static T? ReadPayload<T>(string token, Func<JsonElement, T?> read)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return default;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
            return json.RootElement.ValueKind == JsonValueKind.Object ? read(json.RootElement) : default;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return default;
        }
    }
}
