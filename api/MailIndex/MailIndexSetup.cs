namespace OutlookFollowUp.MailIndex;

/// <summary>The mail index: what the sync wrote (messages, folders, mailbox state), the threads computed from it, dismissals.</summary>
public static class MailIndexSetup
{
    public static IServiceCollection AddMailIndex(this IServiceCollection services)
    {
        services.AddScoped<IThreadIndex, ThreadIndex>();
        services.AddScoped<IDismissalStore, DismissalStore>();
        return services;
    }
}
