using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookFollowUp.Reminders;

/// <summary>A reminder on one message (rule 7). The id is what the API exposes; the user key scopes every lookup.</summary>
internal sealed class ReminderRow
{
    public required string UserKey { get; set; }

    public required string Id { get; set; }

    /// <summary>Graph's immutable id; null when the client only knew the Message-ID.</summary>
    public string? MessageId { get; set; }

    public string? InternetMessageId { get; set; }

    public string? ThreadKey { get; set; }

    public string Subject { get; set; } = "";

    public DateTimeOffset RemindAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>When a reply resolved it (rule 7), and which message did.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedByMessageId { get; set; }
}

internal sealed class ReminderRowConfiguration : IEntityTypeConfiguration<ReminderRow>
{
    public void Configure(EntityTypeBuilder<ReminderRow> e)
    {
        e.ToTable("reminders");
        e.HasKey(r => new { r.UserKey, r.Id });
        // "Is this message already tracked?" on every create.
        e.HasIndex(r => new { r.UserKey, r.MessageId });
        e.HasIndex(r => new { r.UserKey, r.InternetMessageId });
    }
}
