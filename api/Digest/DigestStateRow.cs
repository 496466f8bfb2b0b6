using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookFollowUp.Digest;

/// <summary>
/// A user's morning digest: the local date (<c>yyyy-MM-dd</c>, the user's time zone) of the last one sent, and their
/// working hours read from Graph. An instance claims the day with a conditional UPDATE before it sends, so several
/// instances send one digest a day.
/// </summary>
internal sealed class DigestStateRow
{
    public required string UserKey { get; set; }

    public string? LastDigestDate { get; set; }

    /// <summary>The user's working hours as Graph gave them (JSON, <see cref="DigestHours"/>); null: none, the fallback.</summary>
    public string? WorkingHours { get; set; }

    /// <summary>Until when <see cref="WorkingHours"/> stands: a day after a read, an hour after a failed one.</summary>
    public DateTimeOffset? WorkingHoursUntil { get; set; }
}

internal sealed class DigestStateRowConfiguration : IEntityTypeConfiguration<DigestStateRow>
{
    public void Configure(EntityTypeBuilder<DigestStateRow> e)
    {
        e.ToTable("digest_state");
        e.HasKey(r => r.UserKey);
        e.Property(r => r.LastDigestDate).HasMaxLength(10);
        e.Property(r => r.WorkingHours).HasMaxLength(400);
    }
}
