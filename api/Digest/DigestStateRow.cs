using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookFollowUp.Digest;

/// <summary>
/// A user's morning digest: the local date (<c>yyyy-MM-dd</c>, the user's time zone) of the last one sent. An instance
/// claims the day with a conditional UPDATE before it sends, so several instances send one digest a day.
/// </summary>
internal sealed class DigestStateRow
{
    public required string UserKey { get; set; }

    public string? LastDigestDate { get; set; }
}

internal sealed class DigestStateRowConfiguration : IEntityTypeConfiguration<DigestStateRow>
{
    public void Configure(EntityTypeBuilder<DigestStateRow> e)
    {
        e.ToTable("digest_state");
        e.HasKey(r => r.UserKey);
        e.Property(r => r.LastDigestDate).HasMaxLength(10);
    }
}
