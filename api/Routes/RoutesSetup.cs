namespace OutlookFollowUp.Routes;

public static class RoutesSetup
{
    /// <summary>The other routes of an answer: their facts' store and the check that runs with each sync.</summary>
    public static IServiceCollection AddAnswerRoutes(this IServiceCollection services)
    {
        services.AddScoped<IRouteStore, RouteStore>();
        services.AddScoped<RouteCheck>();
        services.AddScoped<Mail.IAnswerRouteCheck>(sp => sp.GetRequiredService<RouteCheck>());
        services.AddScoped<Settings.IRouteStatuses, RouteStatuses>();
        return services;
    }
}

/// <summary>The routes' statuses for GET /api/settings, from the last check's facts.</summary>
internal sealed class RouteStatuses(IRouteStore store) : Settings.IRouteStatuses
{
    public async Task<IReadOnlyList<Settings.RouteStatus>> GetAsync(string userKey, CancellationToken cancellationToken) =>
        RouteCheck.Statuses(await store.GetAsync(userKey, cancellationToken));
}
