using OutlookFollowUp.Telemetry;

namespace OutlookFollowUp.Mail;

/// <summary>Counts each successful mailbox sync; the sync itself would report failures with FollowUpTelemetry.Sync("failed").</summary>
internal sealed class SyncTelemetry : IMailboxSyncListener
{
    public Task OnSyncedAsync(SyncedMailbox synced, CancellationToken cancellationToken)
    {
        FollowUpTelemetry.Sync("ok");
        return Task.CompletedTask;
    }
}
