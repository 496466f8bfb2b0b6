namespace OutlookFollowUp.Notifications;

/// <summary>Section <c>Notifications</c>: where Graph posts change notifications, and how subscriptions and syncs are paced.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Graph's longest lifetime for an Outlook subscription: 10,080 minutes (7 days).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10_080);

    /// <summary>The API's public https origin; unset means no subscriptions (background polling alone).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The lifetime asked of Graph for each subscription (at most 10,080 minutes).</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = MaxLifetime;

    /// <summary>How long before expiry a subscription is renewed (at most half its lifetime is used).</summary>
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A user whose mailbox had no successful sync for this long loses its subscriptions.</summary>
    public TimeSpan InactiveAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Notifications get lost (about one in five in the field, none for a move of more than 25 messages, none after a
    /// password reset drops the subscriptions): a mailbox with open reminders gets a delta round at least this often even
    /// while its subscriptions are live, so a lost notification costs at most this long. Mailboxes without open
    /// reminders stay at renewals only.
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often each instance looks for work another instance asked for or left (its own requests start at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// While notifications keep coming for a mailbox, its syncs start at most this often (the first starts at once): a
    /// burst costs about one sync per this interval, not one per sync's length.
    /// </summary>
    public TimeSpan SyncSpacing { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(PublicBaseUrl);

    public Uri NotificationUrl => new(PublicBaseUrl!.TrimEnd('/') + "/api/graph/notifications");

    public Uri LifecycleUrl => new(PublicBaseUrl!.TrimEnd('/') + "/api/graph/lifecycle");

    internal bool IsValid() =>
        (PublicBaseUrl is null or "" || Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        && SubscriptionLifetime >= TimeSpan.FromMinutes(10) && SubscriptionLifetime <= MaxLifetime
        && RenewBefore > TimeSpan.Zero && InactiveAfter > TimeSpan.Zero
        && ReconcileInterval >= TimeSpan.FromSeconds(1) && PollInterval > TimeSpan.Zero && SyncSpacing >= TimeSpan.Zero;
}
