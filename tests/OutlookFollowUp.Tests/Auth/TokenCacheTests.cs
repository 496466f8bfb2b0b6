using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Auth;

/// <summary>The MSAL token cache's store, on both providers: expiry, sliding renewal, overwrite, removal.</summary>
[Trait("Needs", "Postgres")]
public sealed class TokenCacheTests
{
    private static readonly byte[] Blob = [1, 2, 3];

    [Theory, OnSqlite, OnPostgres]
    public async Task An_entry_is_served_until_its_absolute_expiry(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cache = Cache(db);

        await cache.SetAsync("k", Blob, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
        var fresh = await cache.GetAsync("k");
        db.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(Blob, fresh);
        Assert.Null(await cache.GetAsync("k"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Reading_a_sliding_entry_keeps_it_alive_but_never_past_its_absolute_expiry(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cache = Cache(db);
        await cache.SetAsync("k", Blob, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30), AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(70) });

        db.Time.Advance(TimeSpan.FromMinutes(25));
        var first = await cache.GetAsync("k");
        db.Time.Advance(TimeSpan.FromMinutes(25));
        var second = await cache.GetAsync("k");
        db.Time.Advance(TimeSpan.FromMinutes(25));

        Assert.Equal([.. Blob, .. Blob], [.. first!, .. second!]);
        Assert.Null(await cache.GetAsync("k"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Set_overwrites_remove_deletes_and_expired_rows_are_swept(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cache = Cache(db);
        var hour = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) };
        await cache.SetAsync("old", Blob, hour);
        await cache.SetAsync("k", Blob, hour);
        await cache.SetAsync("k", [9], hour);
        var overwritten = await cache.GetAsync("k");
        await cache.RemoveAsync("k");
        db.Time.Advance(TimeSpan.FromHours(2));
        await cache.SetAsync("new", Blob, hour);

        Assert.Equal([9], overwritten);
        Assert.Null(await cache.GetAsync("k"));
        Assert.Equal(["new"], await db.CreateContext().Set<TokenCacheRow>().Select(t => t.Id).ToListAsync());
    }

    private static DatabaseDistributedCache Cache(TestDatabase db)
    {
        var services = new ServiceCollection();
        services.AddScoped(_ => StorageSetup.CreateContext(new StorageOptions { Provider = db.Provider, ConnectionString = db.ConnectionString }));
        return new DatabaseDistributedCache(services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), db.Time);
    }
}
