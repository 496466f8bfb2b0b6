using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;

namespace OutlookFollowUp.Threads;

/// <summary>Section <c>ThreadsCache</c>. Zero turns the cache off.</summary>
public sealed class ThreadViewCacheOptions
{
    /// <summary>How long another instance's write can go unseen; this instance's own writes clear the entry at once.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>What one thread list is composed from; the page itself is cut per request. Immutable, so the cache keeps the instance.</summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record ThreadInputs(
    ThreadsView View, IReadOnlyList<Reminder> Reminders, IReadOnlyDictionary<string, DateTimeOffset> Dismissed, UserSettings Settings,
    string? Language = null);

/// <summary>
/// A per-user micro-cache of the thread list's inputs (HybridCache, in process only). The pane polls GET /api/threads
/// and pages through it, while the data changes only on a sync or a user's write: three queries per request would buy
/// nothing. Every entry carries the user's tag, so a write on this instance drops all of the user's entries at once;
/// the short lifetime bounds what other instances' writes leave stale.
/// </summary>
public sealed class ThreadViewCache(HybridCache cache, IOptions<ThreadViewCacheOptions> options) : Web.ICachedViews
{
    // In process only: the app's IDistributedCache is the MSAL token cache's table, no place for thread lists.
    private const HybridCacheEntryFlags LocalOnly = HybridCacheEntryFlags.DisableDistributedCache;

    public async Task<ThreadInputs> GetOrLoadAsync(string userKey, FollowUpDirection? direction, Func<CancellationToken, Task<ThreadInputs>> load, CancellationToken cancellationToken)
    {
        if (Entry() is not { } entry)
        {
            return await load(cancellationToken);
        }

        var key = Key(userKey, direction);
        var inputs = await cache.GetOrCreateAsync(key, load, static (load, ct) => new ValueTask<ThreadInputs>(load(ct)), entry, [Tag(userKey)], cancellationToken);
        if (inputs.View.NeverSynced)
        {
            // "Nothing indexed yet" must be asked again, never remembered.
            await cache.RemoveAsync(key, cancellationToken);
        }

        return inputs;
    }

    public async Task StoreAsync(string userKey, FollowUpDirection? direction, ThreadInputs inputs, CancellationToken cancellationToken)
    {
        if (Entry() is { } entry && !inputs.View.NeverSynced)
        {
            await cache.SetAsync(Key(userKey, direction), inputs, entry, [Tag(userKey)], cancellationToken);
        }
    }

    public ValueTask InvalidateAsync(string userKey, CancellationToken cancellationToken = default) => cache.RemoveByTagAsync(Tag(userKey), cancellationToken);

    private HybridCacheEntryOptions? Entry() => options.Value.TimeToLive is var ttl && ttl > TimeSpan.Zero
        ? new HybridCacheEntryOptions { Expiration = ttl, LocalCacheExpiration = ttl, Flags = LocalOnly }
        : null;

    private static string Key(string userKey, FollowUpDirection? direction) => $"threads:{direction?.ToString() ?? "all"}:{userKey}";

    private static string Tag(string userKey) => "user:" + userKey;
}

public static class ThreadListingSetup
{
    public static IServiceCollection AddThreadListing(this IServiceCollection services)
    {
        services.AddHybridCache();
        // The thread list is the hot response: its serializer is generated at build time instead of built by reflection.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ThreadsJsonContext.Default));
        services.AddOptions<ThreadViewCacheOptions>().BindConfiguration("ThreadsCache")
            .Validate(o => o.TimeToLive >= TimeSpan.Zero && o.TimeToLive <= TimeSpan.FromMinutes(1), "ThreadsCache:TimeToLive must be between 0 and 1 minute.")
            .ValidateOnStart();
        services.AddSingleton<ThreadViewCache>();
        services.AddSingleton<Web.ICachedViews>(sp => sp.GetRequiredService<ThreadViewCache>());
        services.AddSingleton<PhoneCache>();
        services.AddScoped<ThreadExtras>();
        services.AddSingleton<FluentValidation.IValidator<DraftRequest>, DraftRequestValidator>();
        services.AddSingleton<FluentValidation.IValidator<DismissRequest>, DismissRequestValidator>();
        return services;
    }
}

/// <summary>Source-generated JSON for the thread list (the web defaults: camelCase names, as the reflection serializer wrote them).</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ThreadsResponse))]
internal sealed partial class ThreadsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
