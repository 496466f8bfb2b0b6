using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Storage;

/// <summary>The schema-version-2 tables in the one context; column names and time conversions follow FollowUpDbContext.</summary>
internal static class UserDataModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReminderRow>(e =>
        {
            e.ToTable("reminders");
            e.HasKey(r => new { r.UserKey, r.Id });
            // "Is this message already tracked?" on every create.
            e.HasIndex(r => new { r.UserKey, r.MessageId });
            e.HasIndex(r => new { r.UserKey, r.InternetMessageId });
        });
        modelBuilder.Entity<DismissalRow>(e =>
        {
            e.ToTable("dismissals");
            e.HasKey(d => new { d.UserKey, d.ThreadKey });
        });
        modelBuilder.Entity<UserSettingsRow>(e =>
        {
            e.ToTable("user_settings");
            e.HasKey(s => s.UserKey);
        });
        modelBuilder.Entity<TenantPolicyRow>(e =>
        {
            e.ToTable("tenant_policies");
            e.HasKey(p => p.TenantId);
        });
        modelBuilder.Entity<TokenCacheRow>(e =>
        {
            e.ToTable("token_cache");
            e.HasKey(t => t.Id);
            // The expired-entry sweep.
            e.HasIndex(t => t.ExpiresAt);
        });
    }
}
