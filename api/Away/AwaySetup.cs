namespace OutlookFollowUp.Away;

public static class AwaySetup
{
    /// <summary>
    /// Recipients who are away: the due sweep's MailTips check and the one after each sync (threads entering "waiting on
    /// them"); the answers are kept in the app's HybridCache, shared by every instance (<see cref="AwayCache"/>).
    /// </summary>
    public static IServiceCollection AddAway(this IServiceCollection services)
    {
        services.AddHybridCache();
        services.AddSingleton<AwayCache>();
        services.AddSingleton<AwayRound>();
        services.AddSingleton<AwayCheck>();
        services.AddScoped<Mail.IMailboxSyncListener, AwaySyncStep>();
        return services;
    }
}
