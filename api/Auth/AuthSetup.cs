using Microsoft.Identity.Web.TokenCacheProviders.Distributed;

namespace OutlookFollowUp.Auth;

/// <summary>
/// The authentication feature: Entra ID when <c>AzureAd:ClientId</c> is configured; without it, local mode signs its
/// single user in (api/Local registers that scheme). The same policies either way.
/// </summary>
public static class AuthSetup
{
    /// <summary>How long an unused long-running session's tokens stay in the cache: Entra's refresh tokens end after 90 days unused.</summary>
    public static readonly TimeSpan SessionIdleLifetime = TimeSpan.FromDays(90);

    /// <summary>Entra ID is configured: the API validates its tokens and the mail features get Graph tokens from it.</summary>
    public static bool EntraIdConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);

    public static IServiceCollection AddApiAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var entra = EntraIdConfigured(configuration);
        GraphModeOptions.AddGraphMode(services, configuration, !entra);
        services.AddSingleton<IGraphSessionStore, GraphSessionStore>();
        // Production without Entra ID never gets here: Program refuses to start (local mode's refusal).
        if (entra)
        {
            services.AddEntraId(configuration);
            // A session's entry holds its refresh token and has no expiry of its own; every use slides this one.
            services.Configure<MsalDistributedTokenCacheAdapterOptions>(o => o.SlidingExpiration = SessionIdleLifetime);
            services.AddHttpContextAccessor();
        }

        // After Identity.Web's registrations, so it is the one: MSAL's tokens, and HybridCache's shared layer (SharedAnswers).
        services.AddSingleton<DatabaseDistributedCache>();
        services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(sp => sp.GetRequiredService<DatabaseDistributedCache>());
        services.AddSingleton<ISharedAnswerRemoval>(sp => sp.GetRequiredService<DatabaseDistributedCache>());
        return services.AddApiPolicies();
    }
}
