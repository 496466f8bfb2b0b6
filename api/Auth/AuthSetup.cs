using Microsoft.Identity.Web.TokenCacheProviders.Distributed;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Auth;

/// <summary>The authentication feature: Entra ID, or local mode's single user; the same policies either way.</summary>
public static class AuthSetup
{
    /// <summary>How long an unused long-running session's tokens stay in the cache: Entra's refresh tokens end after 90 days unused.</summary>
    public static readonly TimeSpan SessionIdleLifetime = TimeSpan.FromDays(90);

    public static IServiceCollection AddApiAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var local = LocalMode.IsEnabled(configuration);
        GraphModeOptions.AddGraphMode(services, configuration, local);
        services.AddSingleton<IGraphSessionStore, GraphSessionStore>();
        // Production without Entra ID never gets here: Program refuses to start (LocalMode.RefusalReason).
        if (local)
        {
            services.AddAuthentication(LocalAuthenticationHandler.SchemeName)
                .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, LocalAuthenticationHandler>(LocalAuthenticationHandler.SchemeName, null);
        }
        else
        {
            services.AddEntraId(configuration);
            // A session's entry holds its refresh token and has no expiry of its own; every use slides this one.
            services.Configure<MsalDistributedTokenCacheAdapterOptions>(o => o.SlidingExpiration = SessionIdleLifetime);
            services.AddSingleton<GraphCredentials>();
            services.AddHttpContextAccessor();
            services.AddScoped<IMailboxes, OnBehalfOfMailboxes>();
            services.AddScoped<RouteCredentials>();
        }

        // After Identity.Web's registrations, so it is the one: MSAL's tokens, and HybridCache's shared layer (SharedAnswers).
        services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache, DatabaseDistributedCache>();
        return services.AddApiPolicies();
    }
}
