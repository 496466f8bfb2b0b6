using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;

namespace OutlookFollowUp.Auth;

/// <summary>An answer kept until <see cref="Expires"/> (read on the app's TimeProvider). Immutable, so HybridCache keeps the instance.</summary>
[ImmutableObject(true)]
public sealed record Kept<T>(T Value, DateTimeOffset Expires);

/// <summary>
/// Answers from Graph kept for a while in the app's HybridCache: this process's memory first, then, when
/// <paramref name="shared"/>, the app's IDistributedCache (<see cref="DatabaseDistributedCache"/>, the token_cache table
/// every instance reads), so an answer one instance fetched is found by the others without asking Graph again. Each
/// entry carries its expiry on the app's clock: the memory layer runs on the system clock, whatever TimeProvider says.
/// </summary>
public static class SharedAnswers
{
    private static readonly HybridCacheEntryOptions ReadShared = new() { Flags = HybridCacheEntryFlags.DisableUnderlyingData };

    private static readonly HybridCacheEntryOptions ReadLocal = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableDistributedCache,
    };

    /// <summary>The kept answer, or null when none is kept or it expired.</summary>
    public static async ValueTask<Kept<T>?> GetKeptAsync<T>(this HybridCache cache, string key, TimeProvider time, bool shared, CancellationToken cancellationToken)
    {
        // DisableUnderlyingData: a look-up only, the factory never runs and a miss is null.
        var kept = await cache.GetOrCreateAsync(key, static _ => ValueTask.FromResult<Kept<T>?>(null), shared ? ReadShared : ReadLocal, cancellationToken: cancellationToken);
        return kept is not null && kept.Expires > time.GetUtcNow() ? kept : null;
    }

    /// <param name="tags">What a later <see cref="HybridCache.RemoveByTagAsync(string, CancellationToken)"/> forgets it by (a user's erase).</param>
    public static ValueTask KeepAsync<T>(
        this HybridCache cache, string key, T value, TimeSpan lifetime, TimeProvider time, bool shared, CancellationToken cancellationToken,
        IEnumerable<string>? tags = null)
    {
        var entry = new HybridCacheEntryOptions
        {
            Expiration = lifetime,
            LocalCacheExpiration = lifetime,
            Flags = shared ? HybridCacheEntryFlags.None : HybridCacheEntryFlags.DisableDistributedCache,
        };
        return cache.SetAsync(key, new Kept<T>(value, time.GetUtcNow() + lifetime), entry, tags, cancellationToken);
    }
}

/// <summary>Shared answers kept under keys that start alike (one user's), removed from the shared layer at once.</summary>
public interface ISharedAnswerRemoval
{
    Task RemoveByPrefixAsync(string prefix, CancellationToken cancellationToken);
}
