namespace OutlookFollowUp.Mail;

/// <summary>
/// Graph change-notification subscriptions of one mailbox (POST, PATCH, DELETE <c>/subscriptions</c>). Failures are the
/// product's own exceptions; a subscription Graph no longer knows is a <see cref="MailNotFoundException"/>.
/// </summary>
public interface IMailboxSubscriptions
{
    /// <summary>
    /// Creates a subscription. When Graph refuses the asked lifetime, the adapter asks again with the lifetime Graph
    /// names (or a shorter one): the answer carries the expiration Graph granted.
    /// </summary>
    Task<MailSubscription> CreateAsync(MailSubscriptionRequest request, CancellationToken cancellationToken);

    /// <summary>Moves the expiration (clamped like <see cref="CreateAsync"/>); returns the expiration Graph granted.</summary>
    Task<DateTimeOffset> RenewAsync(string subscriptionId, DateTimeOffset expiration, CancellationToken cancellationToken);

    /// <summary>Deletes the subscription; one Graph no longer knows counts as deleted.</summary>
    Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken);
}

/// <param name="Resource">What to watch, e.g. <c>me/mailFolders('inbox')/messages</c>.</param>
/// <param name="ChangeTypes">Graph's comma-separated list, e.g. <c>created,updated,deleted</c>.</param>
/// <param name="ClientState">A secret Graph sends back with every notification of this subscription.</param>
public sealed record MailSubscriptionRequest(
    string Resource, string ChangeTypes, Uri NotificationUrl, Uri LifecycleNotificationUrl, string ClientState, DateTimeOffset Expiration);

public sealed record MailSubscription(string Id, DateTimeOffset Expiration);
