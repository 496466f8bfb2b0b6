using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookFollowUp.Notifications;

/// <summary>
/// One pending background sync per mailbox: every request for the mailbox bumps <see cref="Generation"/> on the same
/// row, so a burst of notifications is one row. A worker claims the row with a lease (<see cref="ClaimedBy"/>,
/// <see cref="ClaimedUntil"/>) and deletes it after the sync only if the generation is still the one it claimed.
/// </summary>
internal sealed class SyncRequestRow
{
    public required string UserKey { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The strongest <see cref="Mail.SyncRequestReason"/> asked since the last sync (informative: each is a delta sync).</summary>
    public int Reason { get; set; }

    public long Generation { get; set; }

    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds; after a failed sync, when the next attempt may start.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public int FailedAttempts { get; set; }
}

/// <summary>
/// One Graph subscription per user and folder. The row exists from the moment the user is active; the subscription id
/// is null until the worker has created it (or after Graph removed it). The client state is kept only as its SHA-256,
/// compared in constant time.
/// </summary>
internal sealed class SubscriptionRow
{
    public required string UserKey { get; set; }

    public required string Folder { get; set; }

    public string? SubscriptionId { get; set; }

    public byte[]? ClientStateHash { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When the worker should next create, renew or drop it.</summary>
    public DateTimeOffset NextActionAt { get; set; }

    /// <summary>The last successful sync of the mailbox, as far as activity goes (written at most hourly).</summary>
    public DateTimeOffset LastActiveAt { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public int FailedAttempts { get; set; }

    /// <summary>The last failure's code (never exception text).</summary>
    public string? LastError { get; set; }
}

internal sealed class SyncRequestRowConfiguration : IEntityTypeConfiguration<SyncRequestRow>
{
    public void Configure(EntityTypeBuilder<SyncRequestRow> e)
    {
        e.ToTable("mailbox_sync_requests");
        e.HasKey(r => r.UserKey);
        e.HasIndex(r => r.ClaimedUntil);
    }
}

internal sealed class SubscriptionRowConfiguration : IEntityTypeConfiguration<SubscriptionRow>
{
    public void Configure(EntityTypeBuilder<SubscriptionRow> e)
    {
        e.ToTable("mail_subscriptions");
        e.HasKey(r => new { r.UserKey, r.Folder });
        // Every notification is looked up by the subscription id Graph sends.
        e.HasIndex(r => r.SubscriptionId).IsUnique();
        e.HasIndex(r => r.NextActionAt);
    }
}
