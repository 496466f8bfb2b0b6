using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Digest;

/// <summary>
/// The morning digest: for each user with due reminders who opted in (or whose tenant policy turns it on and who did
/// not opt out), one short mail to themselves in working hours (<see cref="DigestSchedule"/>) listing what is due, sent
/// through Graph. None when nothing is due. Never twice in a day: the day is claimed in <c>digest_state</c> with a
/// conditional UPDATE before the mail is sent, so of several instances one sends; a failed send gives the day back and
/// the next round tries again.
/// </summary>
internal sealed partial class DigestService(
    FollowUpDbContext db, IMailboxes mailboxes, IThreadIndex index, TimeProvider time, ILogger<DigestService> logger)
{
    /// <summary>Sends the digests due now; returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var users = await DueReminders(db).Select(r => r.UserKey).Distinct().ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var user in users)
        {
            try
            {
                if (await SendAsync(user, time.GetUtcNow(), cancellationToken))
                {
                    sent++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, user, ex.GetType().Name);
            }
        }

        return sent;
    }

    private static IQueryable<ReminderRow> DueReminders(FollowUpDbContext db) =>
        db.Set<ReminderRow>().AsNoTracking().Where(r => r.DueAt != null && r.DoneAt == null && r.ResolvedAt == null);

    private async Task<bool> SendAsync(string user, DateTimeOffset now, CancellationToken ct)
    {
        var choice = await db.Set<UserSettingsRow>().AsNoTracking().Where(s => s.UserKey == user)
            .Select(s => new { s.Digest, s.TimeZone }).SingleOrDefaultAsync(ct);
        var wanted = choice?.Digest;
        if (wanted is null)
        {
            var tenant = UserKeys.TenantOf(user);
            wanted = await db.Set<TenantPolicyRow>().AsNoTracking().Where(p => p.TenantId == tenant).Select(p => p.DigestDefault).SingleOrDefaultAsync(ct);
        }

        if (wanted != true)
        {
            return false;
        }

        var mailbox = await index.GetStateAsync(user, ct);
        var zone = OptionRules.TryFindTimeZone(choice?.TimeZone ?? mailbox?.TimeZone ?? "UTC", out var found) ? found : TimeZoneInfo.Utc;
        if (DigestSchedule.DayToSend(now, zone) is not { } day || mailbox?.Addresses is not [var address, ..])
        {
            return false;
        }

        var items = await DueReminders(db).Where(r => r.UserKey == user).OrderBy(r => r.DueAt)
            .Select(r => new DigestItem(r.Subject, r.MessageId, r.DueAt!.Value)).ToListAsync(ct);
        if (items.Count == 0)
        {
            return false;
        }

        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var previous = await ClaimDayAsync(user, date, ct);
        if (previous is null)
        {
            return false;
        }

        try
        {
            await mailboxes.Writer(user).SendToSelfAsync(address, DigestMail.Subject(items.Count), DigestMail.Html(items, zone), ct);
        }
        catch
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE digest_state SET last_digest_date = {previous.Before} WHERE user_key = {user} AND last_digest_date = {date}", CancellationToken.None);
            throw;
        }

        LogSent(logger, items.Count);
        return true;
    }

    /// <summary>
    /// Takes the day for this instance: null when the digest of <paramref name="date"/> (or a later local date, after
    /// a time zone change) is already taken; otherwise the date that was stored before, to give back on failure.
    /// </summary>
    private async Task<DayClaim?> ClaimDayAsync(string user, string date, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO digest_state (user_key, last_digest_date) VALUES ({user}, NULL) ON CONFLICT (user_key) DO NOTHING", ct);
        var before = await db.Set<DigestStateRow>().AsNoTracking().Where(r => r.UserKey == user).Select(r => r.LastDigestDate).SingleAsync(ct);
        var claimed = await db.Database.ExecuteSqlAsync(
            $"UPDATE digest_state SET last_digest_date = {date} WHERE user_key = {user} AND (last_digest_date IS NULL OR last_digest_date < {date})", ct);
        return claimed == 1 ? new DayClaim(before) : null;
    }

    private sealed record DayClaim(string? Before);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent a morning digest of {Count} due follow-ups")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The morning digest of {User} failed ({Failure}); the next round tries again")]
    private static partial void LogFailed(ILogger logger, string user, string failure);
}
