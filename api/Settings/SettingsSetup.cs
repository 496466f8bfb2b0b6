using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Settings;

public static class SettingsSetup
{
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddScoped<ISettingsStore, SettingsStore>();
        // Replaces the sync's defaults whichever feature is added first.
        services.RemoveAll<IDetectionSettingsSource>();
        services.AddScoped<IDetectionSettingsSource, StoredDetectionSettings>();
        services.AddSingleton<IValidator<SettingsRequest>, SettingsRequestValidator>();
        services.AddSingleton<IValidator<PolicyRequest>, PolicyRequestValidator>();
        return services;
    }
}
