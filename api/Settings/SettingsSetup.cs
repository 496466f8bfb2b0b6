using FluentValidation;

namespace OutlookFollowUp.Settings;

public static class SettingsSetup
{
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddHybridCache();
        services.AddOptions<SettingsCacheOptions>().BindConfiguration("SettingsCache")
            .Validate(o => o.TimeToLive >= TimeSpan.Zero && o.TimeToLive <= TimeSpan.FromMinutes(5), "SettingsCache:TimeToLive must be between 0 and 5 minutes.")
            .ValidateOnStart();
        services.AddOptions<DetectionDefaults>().BindConfiguration(DetectionDefaults.Section).ValidateOnStart();
        services.AddScoped<SettingsStore>();
        services.AddScoped<ISettingsStore, CachedSettingsStore>();
        services.AddSingleton<IValidator<SettingsRequest>, SettingsRequestValidator>();
        services.AddSingleton<IValidator<PolicyRequest>, PolicyRequestValidator>();
        services.AddSingleton<IValidator<SettingsPatch>, SettingsPatchValidator>();
        return services;
    }
}
