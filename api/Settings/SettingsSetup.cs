using FluentValidation;

namespace OutlookFollowUp.Settings;

public static class SettingsSetup
{
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddScoped<ISettingsStore, SettingsStore>();
        services.AddSingleton<IValidator<SettingsRequest>, SettingsRequestValidator>();
        services.AddSingleton<IValidator<PolicyRequest>, PolicyRequestValidator>();
        return services;
    }
}
