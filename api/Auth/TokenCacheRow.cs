using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookFollowUp.Auth;

/// <summary>One entry of the MSAL token cache (IDistributedCache), so every instance shares it and it survives restarts.</summary>
internal sealed class TokenCacheRow
{
    public required string Id { get; set; }

    public required byte[] Value { get; set; }

    /// <summary>When the entry stops being served: the sooner of the absolute and the sliding expiry.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public long? SlidingSeconds { get; set; }

    public DateTimeOffset? AbsoluteExpiresAt { get; set; }
}

internal sealed class TokenCacheRowConfiguration : IEntityTypeConfiguration<TokenCacheRow>
{
    public void Configure(EntityTypeBuilder<TokenCacheRow> e)
    {
        e.ToTable("token_cache");
        e.HasKey(t => t.Id);
        // The expired-entry sweep.
        e.HasIndex(t => t.ExpiresAt);
    }
}
