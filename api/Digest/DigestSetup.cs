using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Digest;

public static class DigestSetup
{
    /// <summary>The morning digest: its service and state, and the working hours it keeps for everyone who reads them.</summary>
    public static IServiceCollection AddDigest(this IServiceCollection services)
    {
        services.AddScoped<DigestService>();
        services.AddScoped<DigestHours>();
        services.AddScoped<ISharedWorkingHours>(sp => sp.GetRequiredService<DigestHours>());
        services.AddScoped<IDigestStateStore, DigestStateStore>();
        return services;
    }
}
