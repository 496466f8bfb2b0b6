using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Support;

/// <summary>One app instance's HybridCache as the app registers it: a memory of its own, and the database's token_cache as the shared layer.</summary>
internal static class InstanceCache
{
    public static HybridCache Over(TestDatabase db)
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(db.Time)
            .AddScoped(_ => StorageSetup.CreateContext(new StorageOptions { Provider = db.Provider, ConnectionString = db.ConnectionString }))
            .AddSingleton<IDistributedCache, DatabaseDistributedCache>();
        services.AddHybridCache();
        return services.BuildServiceProvider().GetRequiredService<HybridCache>();
    }

    /// <summary>With no shared layer: this process's memory alone.</summary>
    public static HybridCache InMemory(TimeProvider time)
    {
        var services = new ServiceCollection().AddSingleton(time);
        services.AddHybridCache();
        return services.BuildServiceProvider().GetRequiredService<HybridCache>();
    }
}
