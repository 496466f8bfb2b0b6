using FluentValidation;

namespace OutlookFollowUp.Reminders;

public static class RemindersSetup
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddScoped<IReminderStore, ReminderStore>();
        services.AddScoped<ReminderResolver>();
        services.AddScoped<IReminderResolver>(sp => sp.GetRequiredService<ReminderResolver>());
        services.AddScoped<Mail.IMailboxSyncListener>(sp => sp.GetRequiredService<ReminderResolver>());
        services.AddScoped<ReminderFlags>();
        services.AddSingleton<ReminderFlagQueue>();
        services.AddHostedService<ReminderFlagWorker>();
        services.AddSingleton<FlagPermissionNotices>();
        services.AddSingleton<IValidator<CreateReminderRequest>, CreateReminderRequestValidator>();
        services.AddSingleton<IValidator<SnoozeRequest>, SnoozeRequestValidator>();
        return services;
    }
}
