using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Settings;

/// <summary>The sync's settings port, answered from the stored settings clamped by the tenant policy.</summary>
internal sealed class StoredDetectionSettings(ISettingsStore store) : IDetectionSettingsSource
{
    public async Task<DetectionSettings> GetAsync(string userKey, CancellationToken cancellationToken)
    {
        var effective = await store.GetEffectiveAsync(userKey, cancellationToken);
        return new DetectionSettings(effective.WindowHours, effective.LookbackDays, effective.BusinessDays, effective.TimeZone);
    }
}
