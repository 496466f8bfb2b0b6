namespace OutlookFollowUp.Routes;

public static class RoutesSetup
{
    /// <summary>The other routes of an answer: their facts' store and the check that runs with each sync.</summary>
    public static IServiceCollection AddAnswerRoutes(this IServiceCollection services)
    {
        services.AddScoped<IRouteStore, RouteStore>();
        services.AddScoped<RouteCheck>();
        services.AddScoped<Mail.IAnswerRouteCheck>(sp => sp.GetRequiredService<RouteCheck>());
        return services;
    }
}
