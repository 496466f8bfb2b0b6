using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Threads;

/// <summary>Section <c>ThreadsCache</c>. Zero turns the cache off.</summary>
public sealed class ThreadViewCacheOptions
{
    /// <summary>How long another instance's write can go unseen; this instance's own writes clear the entry at once.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>What one thread list is composed from; the page itself is cut per request.</summary>
public sealed record ThreadInputs(
    ThreadsView View, IReadOnlyList<Reminder> Reminders, IReadOnlyDictionary<string, DateTimeOffset> Dismissed, UserSettings Settings);

/// <summary>
/// A per-user micro-cache of the thread list's inputs. The pane polls GET /api/threads and pages through it, while the
/// data changes only on a sync or a user's write: seven queries per request would buy nothing. Writes on this
/// instance invalidate the user's entries; the short lifetime bounds what other instances' writes leave stale.
/// </summary>
public sealed class ThreadViewCache(IMemoryCache cache, IOptions<ThreadViewCacheOptions> options)
{
    private static readonly FollowUpDirection?[] Directions = [null, FollowUpDirection.Theirs, FollowUpDirection.Mine];

    public async Task<ThreadInputs> GetOrLoadAsync(string userKey, FollowUpDirection? direction, Func<Task<ThreadInputs>> load)
    {
        var ttl = options.Value.TimeToLive;
        if (ttl > TimeSpan.Zero && cache.TryGetValue(Key(userKey, direction), out ThreadInputs? cached) && cached is not null)
        {
            return cached;
        }

        var inputs = await load();
        Store(userKey, direction, inputs);
        return inputs;
    }

    public void Store(string userKey, FollowUpDirection? direction, ThreadInputs inputs)
    {
        var ttl = options.Value.TimeToLive;
        // "Nothing indexed yet" must be asked again, never remembered.
        if (ttl > TimeSpan.Zero && !inputs.View.NeverSynced)
        {
            cache.Set(Key(userKey, direction), inputs, ttl);
        }
    }

    public void Invalidate(string userKey)
    {
        foreach (var direction in Directions)
        {
            cache.Remove(Key(userKey, direction));
        }
    }

    private static (string, FollowUpDirection?) Key(string userKey, FollowUpDirection? direction) => (userKey, direction);
}

/// <summary>Clears a user's cached thread list after any successful write to their reminders, dismissals, settings or data.</summary>
internal sealed class InvalidateThreadsFilter(ThreadViewCache cache) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && context.HttpContext.User.GetUserKey() is { } userKey)
        {
            cache.Invalidate(userKey);
        }

        return result;
    }
}

public static class ThreadListingSetup
{
    public static IServiceCollection AddThreadListing(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddOptions<ThreadViewCacheOptions>().BindConfiguration("ThreadsCache")
            .Validate(o => o.TimeToLive >= TimeSpan.Zero && o.TimeToLive <= TimeSpan.FromMinutes(1), "ThreadsCache:TimeToLive must be between 0 and 1 minute.")
            .ValidateOnStart();
        services.AddScoped<IThreadIndex, ThreadIndex>();
        services.AddScoped<IDismissalStore, DismissalStore>();
        services.AddSingleton<ThreadViewCache>();
        services.AddScoped<ThreadExtras>();
        services.AddSingleton<FluentValidation.IValidator<DraftRequest>, DraftRequestValidator>();
        return services;
    }

    /// <summary>For the groups whose writes change what the thread list shows.</summary>
    public static RouteGroupBuilder InvalidatesThreads(this RouteGroupBuilder group) => group.AddEndpointFilter<InvalidateThreadsFilter>();
}
