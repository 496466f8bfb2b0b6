using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Storage;

/// <summary>The thread index: per-user sync state, message metadata and computed follow-ups. Every key starts with the user key.</summary>
internal sealed class FollowUpDbContext(DbContextOptions<FollowUpDbContext> options) : DbContext(options)
{
    public DbSet<MailboxState> Mailboxes => Set<MailboxState>();

    public DbSet<FolderSyncState> Folders => Set<FolderSyncState>();

    public DbSet<IndexedMessage> Messages => Set<IndexedMessage>();

    public DbSet<ThreadSummary> Threads => Set<ThreadSummary>();

    public DbSet<ReminderRow> Reminders => Set<ReminderRow>();

    public DbSet<DismissalRow> Dismissals => Set<DismissalRow>();

    public DbSet<UserSettingsRow> UserSettings => Set<UserSettingsRow>();

    public DbSet<TenantPolicyRow> TenantPolicies => Set<TenantPolicyRow>();

    public DbSet<TokenCacheRow> TokenCache => Set<TokenCacheRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MailboxState>(e =>
        {
            e.ToTable("mailbox_states");
            e.HasKey(m => m.UserKey);
            e.HasMany(m => m.Folders).WithOne().HasForeignKey(f => f.UserKey).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FolderSyncState>(e =>
        {
            e.ToTable("folder_sync_states");
            e.HasKey(f => new { f.UserKey, f.Folder });
        });
        modelBuilder.Entity<IndexedMessage>(e =>
        {
            e.ToTable("indexed_messages");
            e.HasKey(m => new { m.UserKey, m.Id });
            // ResetFolder and folder-scoped removals filter on it.
            e.HasIndex(m => new { m.UserKey, m.Folder });
        });
        modelBuilder.Entity<ThreadSummary>(e =>
        {
            e.ToTable("thread_summaries");
            e.HasKey(t => new { t.UserKey, t.ThreadKey });
            // The pane's query: one user's threads in one direction, oldest first.
            e.HasIndex(t => new { t.UserKey, t.Direction, t.Since });
        });

        UserDataModel.Configure(modelBuilder);

        var sqlite = Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
                if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
                {
                    property.SetValueConverter(sqlite ? UtcTicks : Utc);
                }
            }
        }
    }

    // SQLite has no instant type and EF cannot ORDER BY its DateTimeOffset text: store UTC ticks (sortable integers).
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    // Npgsql writes timestamptz only from offset-zero values.
    private static readonly ValueConverter<DateTimeOffset, DateTimeOffset> Utc =
        new(v => v.ToUniversalTime(), v => v);

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
