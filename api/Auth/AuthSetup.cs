using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Auth;

/// <summary>The authentication feature: Entra ID, or local mode's single user; the same policies either way.</summary>
public static class AuthSetup
{
    public static IServiceCollection AddApiAuth(this IServiceCollection services, IConfiguration configuration)
    {
        // Production without Entra ID never gets here: Program refuses to start (LocalMode.RefusalReason).
        if (LocalMode.IsEnabled(configuration))
        {
            services.AddAuthentication(LocalAuthenticationHandler.SchemeName)
                .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, LocalAuthenticationHandler>(LocalAuthenticationHandler.SchemeName, null);
            services.AddSingleton<IGraphAuthentication, LocalGraphAuthentication>();
        }
        else
        {
            services.AddEntraId(configuration);
            services.AddScoped<IGraphAuthentication, OnBehalfOfGraphAuthentication>();
            services.AddHttpContextAccessor();
            services.AddScoped<IMailboxes, OnBehalfOfMailboxes>();
        }

        return services.AddApiPolicies();
    }
}
