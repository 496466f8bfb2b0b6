using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Settings;

/// <summary>
/// A tenant admin's policy: the default window and the range users may pick inside 24–48 hours; whether users who
/// did not choose get the morning digest (api/Digest); whether they see every unanswered thread (rule 9 off; null: the
/// server's <c>Detection:AllUnanswered</c>).
/// </summary>
public sealed record TenantPolicy(
    int DefaultWindowHours,
    int MinWindowHours,
    int MaxWindowHours,
    IReadOnlyList<string> ExcludedDomains,
    int RetentionDays,
    bool DigestDefault = false,
    bool? AllUnansweredDefault = null,
    bool ColleagueAnswersDefault = true)
{
    public const int DefaultRetentionDays = 180;
    public const int MaxRetentionDays = 3650;

    public static readonly TenantPolicy Default = new(
        DetectionOptions.DefaultWindowHours, DetectionOptions.MinWindowHours, DetectionOptions.MaxWindowHours, [], DefaultRetentionDays);

    public int ClampWindow(int hours) => Math.Clamp(hours, MinWindowHours, MaxWindowHours);
}

/// <summary>
/// A user's detection settings: as they chose them (<see cref="ISettingsStore.GetAsync"/>), or as detection runs with
/// them, clamped by the tenant policy with its exclusions merged (<see cref="ISettingsStore.GetEffectiveAsync"/>).
/// <see cref="TimeZone"/> null means the mailbox's own time zone; <see cref="Digest"/> null means the tenant policy's
/// default for the morning digest (the effective settings do not carry it: api/Digest reads it).
/// <see cref="AllUnanswered"/> is rule 9's mode: null in the user's own settings means the tenant's default (else the
/// server's); the effective settings always carry the mode in force. Immutable, so a cache keeps the instance.
/// </summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record UserSettings(
    int WindowHours,
    bool BusinessDays,
    string? TimeZone,
    int LookbackDays,
    IReadOnlyList<string> ExcludedSenders,
    IReadOnlyList<string> ExcludedDomains,
    bool SetOutlookFlags,
    bool? Digest = null,
    bool? AllUnanswered = null,
    bool? ColleagueAnswers = null)
{
    /// <summary>In a group thread a colleague's reply answers for a waited-on person (docs/detection-rules.md); on unless turned off.</summary>
    public bool ColleagueAnswersOn => ColleagueAnswers ?? true;

    /// <param name="mailboxTimeZone">Graph's mailbox time zone, used when the user chose none; UTC when neither resolves.</param>
    public DetectionOptions ToDetectionOptions(IReadOnlyCollection<string> me, DateTimeOffset now, string? mailboxTimeZone) => new()
    {
        Me = me,
        Now = now,
        WindowHours = WindowHours,
        LookbackDays = LookbackDays,
        BusinessDays = BusinessDays,
        TimeZone = OptionRules.TryFindTimeZone(TimeZone ?? mailboxTimeZone ?? "UTC", out var zone) ? zone : TimeZoneInfo.Utc,
        AllUnanswered = AllUnanswered ?? false,
    };

    /// <summary>True when every counterpart of the thread is an excluded sender or in an excluded domain.</summary>
    public bool Excludes(FollowUp thread) =>
        thread.Counterparts.Count > 0 && thread.Counterparts.All(IsExcluded);

    private bool IsExcluded(string address)
    {
        if (ExcludedSenders.Contains(address, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var domain = address[(address.LastIndexOf('@') + 1)..];
        return ExcludedDomains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Section <c>Detection</c>: the server's defaults for what the tenant policy and the user leave open.</summary>
public sealed class DetectionDefaults
{
    public const string Section = "Detection";

    /// <summary>Rule 9 off for everyone who did not choose (and whose tenant did not): every unanswered thread is listed.</summary>
    public bool AllUnanswered { get; set; }
}
