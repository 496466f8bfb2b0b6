using Microsoft.Extensions.Caching.Hybrid;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Threads;

/// <summary>
/// The people data's answers per (user, address), kept for <see cref="Lifetime"/> in the app's shared cache
/// (<see cref="SharedAnswers"/>), so an answer one instance looked up is found by the others. Per user: what one user's
/// people data holds about someone is that user's own. "No number" is kept too, so it is not asked again within the hour.
/// </summary>
public sealed class PhoneCache(HybridCache cache, TimeProvider time, ISharedAnswerRemoval? shared = null)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>False when nothing is kept; true with null when the people data has no number for the address.</summary>
    public async ValueTask<(bool Found, PersonPhone? Phone)> GetAsync(string userKey, string address, CancellationToken cancellationToken) =>
        await cache.GetKeptAsync<PersonPhone?>(Key(userKey, address), time, shared: true, cancellationToken) is { } kept ? (true, kept.Value) : (false, null);

    public ValueTask SetAsync(string userKey, string address, PersonPhone? phone, CancellationToken cancellationToken) =>
        cache.KeepAsync(Key(userKey, address), phone, Lifetime, time, shared: true, cancellationToken, [Prefix(userKey)]);

    /// <summary>The user's erase: their answers leave this process's memory and the shared table at once.</summary>
    public async Task ForgetUserAsync(string userKey, CancellationToken cancellationToken)
    {
        await cache.RemoveByTagAsync(Prefix(userKey), cancellationToken);
        if (shared is not null)
        {
            await shared.RemoveByPrefixAsync(Prefix(userKey), cancellationToken);
        }
    }

    private static string Prefix(string userKey) => $"phones:{userKey}:";

    private static string Key(string userKey, string address) => Prefix(userKey) + address;
}
