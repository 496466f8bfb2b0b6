using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Auth;

/// <summary>
/// <see cref="IDistributedCache"/> over the product's database (table token_cache), for Identity.Web's MSAL token
/// cache and HybridCache's shared layer (<see cref="SharedAnswers"/>): shared by every instance, surviving restarts, on
/// SQLite and PostgreSQL alike. A singleton, so each call takes its own short-lived context.
/// </summary>
internal sealed class DatabaseDistributedCache(IServiceScopeFactory scopes, TimeProvider time) : IDistributedCache, ISharedAnswerRemoval
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    /// <summary>When a write next sweeps the expired entries (UTC ticks).</summary>
    private long _nextSweep;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task RemoveByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        await db.Set<TokenCacheRow>().Where(r => r.Id.StartsWith(prefix)).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        var now = time.GetUtcNow();
        var row = await db.Set<TokenCacheRow>().SingleOrDefaultAsync(r => r.Id == key, token);
        if (row is null || row.ExpiresAt <= now)
        {
            return null;
        }

        if (row.SlidingSeconds is { } sliding)
        {
            row.ExpiresAt = Sooner(now.AddSeconds(sliding), row.AbsoluteExpiresAt);
            await db.SaveChangesAsync(token);
        }

        return row.Value;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var now = time.GetUtcNow();
        var absolute = options.AbsoluteExpiration ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative : null);
        var sliding = (long?)options.SlidingExpiration?.TotalSeconds;
        // With neither expiry MSAL's entry would live for ever; a day bounds what an abandoned session leaves behind.
        var expires = Sooner(sliding is { } s ? now.AddSeconds(s) : absolute ?? now.AddDays(1), absolute);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        // The sweep of expired entries rides along with a write, at most once a minute: answers are written by the hundred.
        var sweepDue = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks >= sweepDue && Interlocked.CompareExchange(ref _nextSweep, (now + SweepEvery).UtcTicks, sweepDue) == sweepDue)
        {
            await db.Set<TokenCacheRow>().Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(token);
        }

        var row = await db.Set<TokenCacheRow>().SingleOrDefaultAsync(r => r.Id == key, token);
        if (row is null)
        {
            row = new TokenCacheRow { Id = key, Value = value };
            db.Set<TokenCacheRow>().Add(row);
        }

        row.Value = value;
        row.ExpiresAt = expires;
        row.SlidingSeconds = sliding;
        row.AbsoluteExpiresAt = absolute;
        try
        {
            await db.SaveChangesAsync(token);
        }
        catch (DbUpdateException e) when (Storage.StorageWrites.IsUniqueViolation(e))
        {
            // Another instance inserted the same key first; its entry is as good as ours (the next write replaces it).
        }
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public Task RefreshAsync(string key, CancellationToken token = default) => GetAsync(key, token);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        await db.Set<TokenCacheRow>().Where(r => r.Id == key).ExecuteDeleteAsync(token);
    }

    private static DateTimeOffset Sooner(DateTimeOffset a, DateTimeOffset? b) => b is { } v && v < a ? v : a;
}
