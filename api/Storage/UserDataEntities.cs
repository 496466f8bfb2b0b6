namespace OutlookFollowUp.Storage;

// What users and admins tell the product (schema version 2). Storage shapes only, like Entities.cs:
// the feature stores map them to records before anything reaches an endpoint.

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

/// <summary>A thread the user hid; it shows again once a message newer than <see cref="LastMessageAt"/> arrives (rule 8).</summary>
internal sealed class DismissalRow
{
    public required string UserKey { get; set; }

    public required string ThreadKey { get; set; }

    public DateTimeOffset LastMessageAt { get; set; }

    public DateTimeOffset DismissedAt { get; set; }
}

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

    public DateTimeOffset UpdatedAt { get; set; }
}

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
