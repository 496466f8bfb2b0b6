namespace OutlookFollowUp.Background;

public static class BackgroundSetup
{
    /// <summary>The work that happens with the pane closed (<see cref="BackgroundWorker"/>): the due sweep, digests, background syncs.</summary>
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services)
    {
        services.AddSingleton<BackgroundWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundWorker>());
        return services;
    }
}
