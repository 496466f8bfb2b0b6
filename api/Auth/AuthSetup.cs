namespace OutlookFollowUp.Auth;

/// <summary>The authentication feature: Entra ID, or local mode's single user; the same policies either way.</summary>
public static class AuthSetup
{
    public static IServiceCollection AddApiAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (LocalMode.IsOn(configuration, environment))
        {
            services.AddAuthentication(LocalAuthenticationHandler.SchemeName)
                .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, LocalAuthenticationHandler>(LocalAuthenticationHandler.SchemeName, null);
            services.AddSingleton<IGraphAuthentication, LocalGraphAuthentication>();
        }
        else
        {
            services.AddEntraId(configuration);
            services.AddScoped<IGraphAuthentication, OnBehalfOfGraphAuthentication>();
        }

        services.AddExceptionHandler<AuthChallengeHandler>();
        return services.AddApiPolicies();
    }
}
