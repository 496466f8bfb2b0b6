using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Notifications;

/// <summary>One entry of Graph's <c>{"value":[...]}</c>, as far as this app reads it (notifications carry ids only).</summary>
internal sealed record NotificationEntry(string SubscriptionId, string? ClientState, string? LifecycleEvent);

/// <summary>
/// Acts on notifications that prove themselves: a known subscription id and its client state (constant-time). A
/// change asks for a sync of the mailbox (persisted and coalesced, carried out in the background); lifecycle events
/// renew, recreate or ask for a sync. Anything else is counted and ignored.
/// </summary>
internal sealed partial class NotificationIntake(
    SubscriptionStore subscriptions, IMailboxSyncRequests syncs, SubscriptionSignal renewals, TimeProvider time, ILogger<NotificationIntake> logger)
{
    public sealed record Outcome(int Accepted, int Ignored);

    public async Task<Outcome> AcceptAsync(IReadOnlyList<NotificationEntry> entries, CancellationToken ct)
    {
        var known = (await subscriptions.FindAsync(entries.Select(e => e.SubscriptionId).Distinct(StringComparer.Ordinal).ToList(), ct))
            .ToDictionary(k => k.SubscriptionId, StringComparer.Ordinal);
        var syncsFor = new Dictionary<string, SyncRequestReason>(StringComparer.Ordinal);
        var accepted = 0;
        foreach (var entry in entries)
        {
            if (!known.TryGetValue(entry.SubscriptionId, out var subscription) || !ClientStates.Matches(entry.ClientState, subscription.ClientStateHash))
            {
                continue;
            }

            accepted++;
            Telemetry.FollowUpTelemetry.Notification(entry.LifecycleEvent ?? "change");
            var now = time.GetUtcNow();
            switch (entry.LifecycleEvent)
            {
                case null:
                    syncsFor.TryAdd(subscription.UserKey, SyncRequestReason.Notification);
                    break;
                case "missed":
                    syncsFor[subscription.UserKey] = SyncRequestReason.Missed;
                    break;
                case "reauthorizationRequired":
                    await subscriptions.RenewNowAsync(subscription.SubscriptionId, now, ct);
                    renewals.Signal.Set();
                    break;
                case "subscriptionRemoved":
                    await subscriptions.RecreateNowAsync(subscription.SubscriptionId, now, ct);
                    renewals.Signal.Set();
                    // Changes may have happened while it was gone: delta catches up.
                    syncsFor[subscription.UserKey] = SyncRequestReason.Missed;
                    break;
                default:
                    accepted--; // an event this version does not know: nothing to do
                    break;
            }
        }

        foreach (var (userKey, reason) in syncsFor)
        {
            await syncs.RequestAsync(userKey, reason, ct);
        }

        var ignored = entries.Count - accepted;
        if (ignored > 0)
        {
            LogIgnored(logger, ignored, entries.Count);
        }

        return new Outcome(accepted, ignored);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {Ignored} of {Count} notifications: unknown subscription, wrong client state or unknown event")]
    private static partial void LogIgnored(ILogger logger, int ignored, int count);
}
