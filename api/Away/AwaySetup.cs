namespace OutlookFollowUp.Away;

public static class AwaySetup
{
    /// <summary>The due sweep's MailTips check (recipients who are away); the cache lives as long as the process.</summary>
    public static IServiceCollection AddAway(this IServiceCollection services)
    {
        services.AddSingleton<AwayCache>();
        services.AddSingleton<AwayRound>();
        services.AddSingleton<AwayCheck>();
        services.AddScoped<AwaySweepStep>();
        return services;
    }
}
