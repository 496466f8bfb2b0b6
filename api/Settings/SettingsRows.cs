using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OutlookFollowUp.Settings;

/// <summary>One user's detection settings; absent means the tenant's defaults.</summary>
internal sealed class UserSettingsRow
{
    public required string UserKey { get; set; }

    public int WindowHours { get; set; }

    public bool BusinessDays { get; set; }

    /// <summary>IANA or Windows id; null means the mailbox's own time zone.</summary>
    public string? TimeZone { get; set; }

    public int LookbackDays { get; set; }

    /// <summary>JSON array of addresses.</summary>
    public string ExcludedSenders { get; set; } = "[]";

    /// <summary>JSON array of domains.</summary>
    public string ExcludedDomains { get; set; } = "[]";

    public bool SetOutlookFlags { get; set; }

    /// <summary>The morning digest (api/Digest): null means the tenant policy's default.</summary>
    public bool? Digest { get; set; }

    /// <summary>In a group thread a colleague's reply answers for a waited-on person: null means the tenant policy's default.</summary>
    public bool? ColleagueAnswers { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// The language the server writes to the user in (api/Localization): apart from <see cref="UserSettingsRow"/>, whose
/// existence means "the user chose their detection settings", so that the pane setting the language on its own does
/// not pin a user who never chose to today's tenant defaults.
/// </summary>
internal sealed class UserLanguageRow
{
    public required string UserKey { get; set; }

    /// <summary>en, it, de, fr or es.</summary>
    public required string Language { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// The user's choice of rule 9's mode (every unanswered thread, or only those that ask): apart from
/// <see cref="UserSettingsRow"/> for the same reason as the language, so flipping the pane's switch does not pin a user
/// who never chose their detection settings to today's tenant defaults. Absent: the tenant's default, else the server's.
/// </summary>
internal sealed class UserModeRow
{
    public required string UserKey { get; set; }

    public bool AllUnanswered { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A tenant admin's policy; absent means the product defaults.</summary>
internal sealed class TenantPolicyRow
{
    public required string TenantId { get; set; }

    public int DefaultWindowHours { get; set; }

    public int MinWindowHours { get; set; }

    public int MaxWindowHours { get; set; }

    /// <summary>JSON array of domains.</summary>
    public string ExcludedDomains { get; set; } = "[]";

    public int RetentionDays { get; set; }

    /// <summary>The morning digest for users who did not choose (api/Digest): null means off.</summary>
    public bool? DigestDefault { get; set; }

    /// <summary>Every unanswered thread for users who did not choose: null means the server's <c>Detection:AllUnanswered</c>.</summary>
    public bool? AllUnansweredDefault { get; set; }

    /// <summary>Colleague answers for users who did not choose: null means on.</summary>
    public bool? ColleagueAnswersDefault { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class UserSettingsRowConfiguration : IEntityTypeConfiguration<UserSettingsRow>
{
    public void Configure(EntityTypeBuilder<UserSettingsRow> e)
    {
        e.ToTable("user_settings");
        e.HasKey(s => s.UserKey);
    }
}

internal sealed class UserLanguageRowConfiguration : IEntityTypeConfiguration<UserLanguageRow>
{
    public void Configure(EntityTypeBuilder<UserLanguageRow> e)
    {
        e.ToTable("user_languages");
        e.HasKey(l => l.UserKey);
        e.Property(l => l.Language).HasMaxLength(8);
    }
}

internal sealed class UserModeRowConfiguration : IEntityTypeConfiguration<UserModeRow>
{
    public void Configure(EntityTypeBuilder<UserModeRow> e)
    {
        e.ToTable("user_modes");
        e.HasKey(m => m.UserKey);
    }
}

internal sealed class TenantPolicyRowConfiguration : IEntityTypeConfiguration<TenantPolicyRow>
{
    public void Configure(EntityTypeBuilder<TenantPolicyRow> e)
    {
        e.ToTable("tenant_policies");
        e.HasKey(p => p.TenantId);
    }
}
