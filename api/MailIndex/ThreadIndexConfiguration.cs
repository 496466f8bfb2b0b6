using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;


namespace OutlookFollowUp.MailIndex;

internal sealed class MailboxStateConfiguration : IEntityTypeConfiguration<MailboxState>
{
    public void Configure(EntityTypeBuilder<MailboxState> e)
    {
        e.ToTable("mailbox_states");
        e.HasKey(m => m.UserKey);
        e.HasMany(m => m.Folders).WithOne().HasForeignKey(f => f.UserKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FolderSyncStateConfiguration : IEntityTypeConfiguration<FolderSyncState>
{
    public void Configure(EntityTypeBuilder<FolderSyncState> e)
    {
        e.ToTable("folder_sync_states");
        e.HasKey(f => new { f.UserKey, f.Folder });
    }
}

internal sealed class IndexedMessageConfiguration : IEntityTypeConfiguration<IndexedMessage>
{
    public void Configure(EntityTypeBuilder<IndexedMessage> e)
    {
        e.ToTable("indexed_messages");
        e.HasKey(m => new { m.UserKey, m.Id });
        // ResetFolder and folder-scoped removals filter on it.
        e.HasIndex(m => new { m.UserKey, m.Folder });
    }
}

internal sealed class ThreadSummaryConfiguration : IEntityTypeConfiguration<ThreadSummary>
{
    public void Configure(EntityTypeBuilder<ThreadSummary> e)
    {
        e.ToTable("thread_summaries");
        e.HasKey(t => new { t.UserKey, t.ThreadKey });
        // The pane's query: one user's threads in one direction, oldest first.
        e.HasIndex(t => new { t.UserKey, t.Direction, t.Since });
    }
}

internal sealed class DismissalRowConfiguration : IEntityTypeConfiguration<DismissalRow>
{
    public void Configure(EntityTypeBuilder<DismissalRow> e)
    {
        e.ToTable("dismissals");
        e.HasKey(d => new { d.UserKey, d.ThreadKey });
    }
}
