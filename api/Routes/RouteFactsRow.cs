using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookFollowUp.Routes;

/// <summary>
/// What the last check of the other routes found for one user: their one-on-one chats (who wrote last when) and their
/// meetings around now, and whether each route is on. Overwritten by each check; no chat text, no meeting subject.
/// </summary>
internal sealed class RouteFactsRow
{
    public required string UserKey { get; set; }

    /// <summary>JSON array of <see cref="StoredChat"/>; null when none.</summary>
    public string? Chats { get; set; }

    /// <summary>JSON array of the engine's meetings; null when none.</summary>
    public string? Meetings { get; set; }

    /// <summary>The newest last message the chats listing showed: the next listing stops at a chat no newer than it.</summary>
    public DateTimeOffset? ChatsSeenUpTo { get; set; }

    /// <summary>When the chats were last read: a chat's messages are read from then on.</summary>
    public DateTimeOffset? ChatsCheckedAt { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }

    /// <summary>Null while the route works; else why it is off (<see cref="RouteStates"/>).</summary>
    public string? TeamsState { get; set; }

    /// <summary>A refused route is tried again from then on.</summary>
    public DateTimeOffset? TeamsRetryAt { get; set; }

    public string? CalendarState { get; set; }

    public DateTimeOffset? CalendarRetryAt { get; set; }
}

internal sealed class RouteFactsRowConfiguration : IEntityTypeConfiguration<RouteFactsRow>
{
    public void Configure(EntityTypeBuilder<RouteFactsRow> e)
    {
        e.ToTable("route_facts");
        e.HasKey(r => r.UserKey);
        e.Property(r => r.TeamsState).HasMaxLength(32);
        e.Property(r => r.CalendarState).HasMaxLength(32);
    }
}
