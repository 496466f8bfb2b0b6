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

    /// <summary>Who asked for it: null for the pane or a command, <see cref="ReminderSources.Compose"/> for a compose mark.</summary>
    public string? Source { get; set; }

    /// <summary>When the due sweep found its time passed with no reply in any folder (checked in Graph right before).</summary>
    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>Who closed it as done: <see cref="ReminderClosedBy.User"/> or <see cref="ReminderClosedBy.Outlook"/>.</summary>
    public string? DoneBy { get; set; }

    /// <summary>When a reply resolved it (rule 7), and which message from whom did.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedByMessageId { get; set; }

    public string? ResolvedByAddress { get; set; }

    public string? ResolvedByName { get; set; }

    /// <summary>A flag the due sweep still has to write (<see cref="FlagStates"/>): set in the same save as the state it mirrors.</summary>
    public string? FlagWanted { get; set; }

    /// <summary>The last Outlook flag the product wrote on the message, and when it landed (the two-way check trusts only those).</summary>
    public string? FlagWritten { get; set; }

    public DateTimeOffset? FlagWrittenAt { get; set; }

    /// <summary>
    /// When the due sweep next has work on the row: the remind-at time while scheduled, at once while a flag is
    /// wanted, later after a failure (back-off); null when there is nothing left to do. A claim moves it past the
    /// claim's lease, so a claim whose sweep died is taken again once the lease ends.
    /// </summary>
    public DateTimeOffset? SweepAt { get; set; }

    /// <summary>The sweep holding the row; its writes are conditional on it, so a snooze or a newer claim wins.</summary>
    public string? ClaimId { get; set; }

    /// <summary>
    /// The due sweep's note on the counterparts' automatic replies (<see cref="global::OutlookFollowUp.Away.AwayNote"/>, stored as JSON): why
    /// the reminder was moved, or that an automatic reply with no end is on. Null when there is nothing to say.
    /// </summary>
    public string? Away { get; set; }

    /// <summary>Failed sweep attempts in a row (the back-off grows with them); zero after a success.</summary>
    public int SweepAttempts { get; set; }

    /// <summary>
    /// How it was answered when not by the person's own mail (<see cref="RouteResolution"/> as JSON): a Teams chat, a
    /// meeting, a colleague. Null for a reply by mail, and while open.
    /// </summary>
    public string? ResolvedRoute { get; set; }

    /// <summary>The meeting ahead the due sweep held it for (<see cref="MeetingHoldNote"/> as JSON); null when none.</summary>
    public string? RouteHold { get; set; }
}

/// <summary>A Sent Items message whose compose mark was taken: the mark makes one reminder, ever, even after that reminder is deleted.</summary>
internal sealed class ComposeMarkRow
{
    public required string UserKey { get; set; }

    public required string MessageId { get; set; }

    public DateTimeOffset TrackedAt { get; set; }
}

internal static class ReminderSources
{
    public const string Compose = "compose";
}

/// <summary>Outlook flag states as stored: what the sweep must write, or what was written last.</summary>
internal static class FlagStates
{
    /// <summary>Flagged from creation to the due time (the endpoints' write), no Outlook reminder.</summary>
    public const string Flagged = "flagged";

    /// <summary>Flagged with Outlook's own reminder at the due time (the sweep's write once due).</summary>
    public const string Due = "due";

    public const string Complete = "complete";
    public const string Cleared = "cleared";
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
        // The due sweep's search across users: what has work now.
        e.HasIndex(r => r.SweepAt);
        e.HasIndex(r => r.ClaimId);
        e.Property(r => r.Source).HasMaxLength(16);
        e.Property(r => r.DoneBy).HasMaxLength(16);
        e.Property(r => r.FlagWanted).HasMaxLength(16);
        e.Property(r => r.FlagWritten).HasMaxLength(16);
        e.Property(r => r.ClaimId).HasMaxLength(32);
        e.Property(r => r.Away).HasMaxLength(2000);
        e.Property(r => r.ResolvedRoute).HasMaxLength(1000);
        e.Property(r => r.RouteHold).HasMaxLength(2000);
    }
}

internal sealed class ComposeMarkRowConfiguration : IEntityTypeConfiguration<ComposeMarkRow>
{
    public void Configure(EntityTypeBuilder<ComposeMarkRow> e)
    {
        e.ToTable("reminder_compose_marks");
        e.HasKey(r => new { r.UserKey, r.MessageId });
    }
}
