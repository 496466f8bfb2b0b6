using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookFollowUp.Away;

using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Reminders;

public static class RemindersSetup
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddScoped<IReminderStore, ReminderStore>();
        services.AddScoped<ReminderResolver>();
        services.AddScoped<IReminderResolver>(sp => sp.GetRequiredService<ReminderResolver>());
        // In this order after each sync: a compose mark makes its reminder, rule 7 resolves it (or any other), then
        // flags completed or cleared by hand in Outlook close theirs.
        services.AddScoped<Mail.IMailboxSyncListener, ComposeTracking>();
        services.AddScoped<Mail.IMailboxSyncListener>(sp => sp.GetRequiredService<ReminderResolver>());
        services.AddScoped<Mail.IMailboxSyncListener, FlagReadBack>();
        services.AddScoped<ReminderFlags>();
        services.AddSingleton<ReminderFlagQueue>();
        services.AddHostedService<ReminderFlagWorker>();
        services.AddSingleton<FlagPermissionNotices>();
        services.AddSingleton<IValidator<CreateReminderRequest>, CreateReminderRequestValidator>();
        services.AddSingleton<IValidator<SnoozeRequest>, SnoozeRequestValidator>();
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddSchemaTransformer(RemindAtJson.DescribeAsync));

        services.TryAddSingleton<Storage.MailboxLeases>();
        services.AddScoped(sp => new ReminderSweep(
            SweepParts.FromScopes(sp.GetRequiredService<IServiceScopeFactory>()), sp.GetRequiredService<Mail.IMailboxes>(), sp.GetRequiredService<ISweepObserver>(),
            sp.GetRequiredService<FlagPermissionNotices>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BackgroundOptions>>(),
            sp.GetRequiredService<ILogger<ReminderSweep>>(), sp.GetRequiredService<Storage.MailboxLeases>()));
        services.AddScoped(sp => new AwaySweepStep(
            sp.GetRequiredService<Storage.FollowUpDbContext>(), sp.GetRequiredService<MailIndex.IThreadIndex>(), sp.GetRequiredService<Mail.IMailboxes>(),
            sp.GetRequiredService<AwayRound>(), sp.GetRequiredService<AwayCheck>(), sp.GetService<ISharedWorkingHours>(), sp.GetRequiredService<Storage.MailboxLeases>()));
        services.TryAddSingleton<ISweepObserver, SweepTelemetry>();
        return services;
    }
}
