using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Digest;

/// <summary>
/// A user's working hours for the digest, read from Graph (<c>GET /me/mailboxSettings</c>, through
/// <see cref="IMailTips.GetWorkingHoursAsync"/>) at most once a day and kept in <c>digest_state</c>, so that several
/// instances and restarts share the one read (the instance that reads takes it first). Unset or unreadable:
/// <see cref="DigestSchedule.Fallback"/> in the user's time zone, worked out again each round (a new time zone in the
/// settings counts at once); a failed read is tried again after an hour.
/// </summary>
internal sealed partial class DigestHours(FollowUpDbContext db, TimeProvider time, ILogger<DigestHours> logger) : ISharedWorkingHours
{
    public static readonly TimeSpan ReadEvery = TimeSpan.FromDays(1);
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);

    /// <summary>How long a claimed read keeps other instances waiting, should the reader never store its answer.</summary>
    public static readonly TimeSpan ReadLease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The hours while the stored read is fresh, with no query: the mailbox's, or the fallback when it had none and the
    /// user's settings name their zone (<paramref name="settingsZone"/>); null when a query or a read is needed.
    /// </summary>
    public static WorkingHours? Stored(DigestStateRow? state, DateTimeOffset now, TimeZoneInfo? settingsZone) =>
        state is { WorkingHoursUntil: { } until } && until > now
            ? (state.WorkingHours is { } json ? Parse(json) : null) ?? (settingsZone is null ? null : DigestSchedule.Fallback(settingsZone))
            : null;

    /// <summary>
    /// The stored hours while fresh; else one read of the mailbox's, stored for a day. Null when another instance is
    /// reading them right now (it took the read with a conditional UPDATE): this round passes, the next one has them.
    /// </summary>
    /// <summary>The hours the digest's state row keeps (read here), else Graph's.</summary>
    public async Task<WorkingHours?> GetAsync(string userKey, IMailboxReader reader, TimeZoneInfo userZone, CancellationToken cancellationToken)
    {
        var state = await db.Set<DigestStateRow>().AsNoTracking().SingleOrDefaultAsync(r => r.UserKey == userKey, cancellationToken);
        return await GetAsync(userKey, state, reader, userZone, cancellationToken);
    }

    public async Task<WorkingHours?> GetAsync(string user, DigestStateRow? state, IMailboxReader reader, TimeZoneInfo userZone, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (state is { WorkingHoursUntil: { } until } && until > now)
        {
            return (state.WorkingHours is { } json ? Parse(json) : null) ?? DigestSchedule.Fallback(userZone);
        }

        if (!await ClaimReadAsync(user, now, ct))
        {
            return null;
        }

        WorkingHours? hours = null;
        var next = now + ReadEvery;
        if (reader is IMailTips tips)
        {
            try
            {
                hours = await tips.GetWorkingHoursAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReadFailed(logger, user, ex.GetType().Name);
                next = now + RetryAfterFailure;
            }
        }

        var stored = hours is null ? null : JsonSerializer.Serialize(new StoredHours(
            [.. hours.Days.Order()], hours.Start.ToString("HH:mm", CultureInfo.InvariantCulture), hours.End.ToString("HH:mm", CultureInfo.InvariantCulture), hours.TimeZone.Id));
        await db.Set<DigestStateRow>().Where(r => r.UserKey == user)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.WorkingHours, stored).SetProperty(r => r.WorkingHoursUntil, next), CancellationToken.None);
        return hours ?? DigestSchedule.Fallback(userZone);
    }

    /// <summary>Of several instances finding the hours stale in the same round, the one whose UPDATE changed the row reads them.</summary>
    private async Task<bool> ClaimReadAsync(string user, DateTimeOffset now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO digest_state (user_key, last_digest_date) VALUES ({user}, NULL) ON CONFLICT (user_key) DO NOTHING", ct);
        var lease = now + ReadLease;
        var claimed = await db.Set<DigestStateRow>()
            .Where(r => r.UserKey == user && (r.WorkingHoursUntil == null || r.WorkingHoursUntil <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.WorkingHoursUntil, lease), ct);
        return claimed == 1;
    }

    private static WorkingHours? Parse(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredHours>(json);
        return stored is not null && TimeZoneInfo.TryFindSystemTimeZoneById(stored.Zone, out var zone)
            && TimeOnly.TryParseExact(stored.Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(stored.End, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            ? new WorkingHours(stored.Days.ToHashSet(), start, end, zone)
            : null;
    }

    private sealed record StoredHours(DayOfWeek[] Days, string Start, string End, string Zone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The working hours of {User} could not be read ({Failure}); Monday to Friday 09:00-17:00 until the next try")]
    private static partial void LogReadFailed(ILogger logger, string user, string failure);
}
