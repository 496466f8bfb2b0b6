using System.Security.Cryptography;
using System.Text;

namespace OutlookFollowUp.Notifications;

/// <summary>
/// The secret Graph echoes in every notification of a subscription: 32 random bytes, stored only as their SHA-256 and
/// compared in constant time, so neither the database nor the timing of a refusal helps a forger.
/// </summary>
internal static class ClientStates
{
    /// <summary>Graph accepts at most 128 characters: 32 bytes are 43 in base64url.</summary>
    public static string Create() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string clientState) => SHA256.HashData(Encoding.UTF8.GetBytes(clientState));

    public static bool Matches(string? presented, byte[]? storedHash) =>
        presented is not null && storedHash is { Length: 32 } && CryptographicOperations.FixedTimeEquals(Hash(presented), storedHash);
}
