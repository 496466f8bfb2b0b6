using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Localization;
using OutlookFollowUp.Mail;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Digest;

/// <summary>
/// The morning digest: for each user who opted in (or whose tenant policy turns it on and who did not opt out), one
/// short mail to themselves at the start of their working hours (<see cref="DigestSchedule"/>, <see cref="DigestHours"/>)
/// listing their due reminders and unanswered threads, in their language, sent through Graph. None when there is
/// nothing to list. Never twice in a day: the day is claimed in <c>digest_state</c> with a conditional UPDATE before the
/// mail is sent, so of several instances one sends; a failed send gives the day back and the next round tries again.
/// </summary>
internal sealed partial class DigestService(
    FollowUpDbContext db, IMailboxes mailboxes, IThreadIndex index, IReminderStore reminders, ISettingsStore settings,
    DigestHours hours, TimeProvider time, ILogger<DigestService> logger)
{
    /// <summary>Sends the digests due now; returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var users = await OptedInAsync(cancellationToken);
        if (users.Count == 0)
        {
            return 0;
        }

        var states = await db.Set<DigestStateRow>().AsNoTracking().ToDictionaryAsync(r => r.UserKey, StringComparer.Ordinal, cancellationToken);
        var sent = 0;
        foreach (var (user, timeZone) in users)
        {
            try
            {
                if (await SendAsync(user, timeZone, states.GetValueOrDefault(user), cancellationToken))
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

    private async Task<IReadOnlyList<(string User, string? TimeZone)>> OptedInAsync(CancellationToken ct) =>
        await settings.DigestRecipientsAsync(async c => await index.UserKeysAsync(c), ct);

    private async Task<bool> SendAsync(string user, string? timeZone, DigestStateRow? state, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settingsZone = timeZone is not null && OptionRules.TryFindTimeZone(timeZone, out var chosen) ? chosen : null;
        // Stored working hours decide without another query for most users most of the day.
        if (DigestHours.Stored(state, now, settingsZone) is { } known && !Open(DigestSchedule.DayToSend(now, known), state))
        {
            return false;
        }

        var mailbox = await index.GetStateAsync(user, ct);
        if (mailbox?.Addresses is not [var address, ..])
        {
            return false;
        }

        var userZone = settingsZone ?? (OptionRules.TryFindTimeZone(mailbox.TimeZone ?? "UTC", out var found) ? found : TimeZoneInfo.Utc);
        if (await hours.GetAsync(user, state, mailboxes.Reader(user), userZone, ct) is not { } working
            || DigestSchedule.DayToSend(now, working) is not { } day || !Open(day, state))
        {
            return false;
        }

        var content = await ContentAsync(user, ct);
        if (content.Total == 0)
        {
            return false;
        }

        var date = Date(day);
        var previous = await ClaimDayAsync(user, date, ct);
        if (previous is null)
        {
            return false;
        }

        var texts = ServerTexts.For(await settings.GetLanguageAsync(user, ct));
        var links = await WebLinksAsync(user, content, ct);
        try
        {
            await mailboxes.Writer(user).SendToSelfAsync(address, DigestMail.Subject(content, texts), DigestMail.Html(content, texts, working.TimeZone, links), ct);
        }
        catch
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE digest_state SET last_digest_date = {previous.Before} WHERE user_key = {user} AND last_digest_date = {date}", CancellationToken.None);
            throw;
        }

        LogSent(logger, content.Due.Count, content.Theirs.Count, content.Mine.Count);
        return true;
    }

    /// <summary>A working day whose digest has not gone out (a later date, after a time zone change, counts as gone).</summary>
    private static bool Open(DateOnly? day, DigestStateRow? state) =>
        day is { } d && (state?.LastDigestDate is not { } last || string.CompareOrdinal(last, Date(d)) < 0);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The due reminders (the due sweep found their time passed with no reply), and the unanswered threads as the
    /// pane lists them: not dismissed, not excluded by the user's settings, and without an open reminder (a snoozed
    /// thread waits for its time; a due one is in the first section).
    /// </summary>
    private async Task<DigestContent> ContentAsync(string user, CancellationToken ct)
    {
        var all = await reminders.ListAsync(user, ct);
        var due = all.Where(r => r.Status == ReminderStatus.Due).OrderBy(r => r.DueAt ?? r.RemindAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new DigestLine(r.Subject, r.MessageId, r.DueAt ?? r.RemindAt)).ToList();
        var effective = await settings.GetEffectiveAsync(user, ct);
        var indexed = await index.GetThreadsAsync(user, null, effective.AllUnanswered ?? false, ct);
        var page = ThreadPaging.Page(indexed.Threads, all, indexed.DismissedUpTo ?? new Dictionary<string, DateTimeOffset>(), effective,
            Math.Max(1, indexed.Threads.Count), null);
        var waiting = page.Items.Where(i => i.Reminder is not { Status: ReminderStatus.Scheduled or ReminderStatus.Due }).Select(i => i.Thread).ToList();
        return new DigestContent(due,
            [.. waiting.Where(t => t.Direction == FollowUpDirection.Theirs).Select(Line)],
            [.. waiting.Where(t => t.Direction == FollowUpDirection.Mine).Select(Line)])
        {
            Answered = await AnsweredAsync(user, all, ct),
        };
    }

    /// <summary>Reminders a chat, a meeting or a colleague answered in the last day, said in the user's language and zone.</summary>
    private async Task<IReadOnlyList<DigestLine>> AnsweredAsync(string user, IReadOnlyList<Reminder> all, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var answered = all.Where(r => r is { Status: ReminderStatus.Resolved, ResolvedAt: { } at, ResolvedBy.Route: not AnswerRoute.Mail } && at > now.AddDays(-1))
            .OrderBy(r => r.ResolvedAt).ToList();
        if (answered.Count == 0)
        {
            return [];
        }

        var texts = ServerTexts.For(await settings.GetLanguageAsync(user, ct));
        var zoneName = (await index.GetStateAsync(user, ct))?.TimeZone;
        var zone = OptionRules.TryFindTimeZone(zoneName ?? "UTC", out var found) ? found : TimeZoneInfo.Utc;
        return [.. answered.Select(r => new DigestLine(r.Subject, r.MessageId, r.ResolvedAt!.Value, texts.Answered(Answer(r.ResolvedBy!, r.ResolvedAt.Value), zone, now)))];
    }

    private static RouteAnswer Answer(ReminderPerson by, DateTimeOffset resolvedAt) => by.For is { } forWhom
        ? new RouteAnswer(new MailAddress(forWhom.Address, forWhom.Name), by.Route, by.At ?? resolvedAt, new MailAddress(by.Address, by.Name))
        : new RouteAnswer(new MailAddress(by.Address, by.Name), by.Route, by.At ?? resolvedAt);

    private static DigestLine Line(FollowUp thread)
    {
        var first = thread.Counterparts.FirstOrDefault() ?? "";
        var name = thread.People.FirstOrDefault(p => p.Address == first)?.Name is { Length: > 0 } known ? known : first;
        return new DigestLine(thread.Subject, thread.MessageId, thread.Since, name, Math.Max(0, thread.Counterparts.Count - 1));
    }

    /// <summary>
    /// Graph's <c>webLink</c> of the messages the mail lists (one <c>$batch</c> per 20); when Graph cannot say, those lines
    /// link through Outlook on the web's deep link instead, and the digest still goes.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> WebLinksAsync(string user, DigestContent content, CancellationToken ct)
    {
        var ids = DigestMail.Listed(content).Select(l => l.MessageId).OfType<string>().ToList();
        try
        {
            return ids.Count == 0 ? new Dictionary<string, string>() : await mailboxes.Reader(user).GetWebLinksAsync(ids, ct);
        }
        catch (MailException ex)
        {
            LogWebLinksFailed(logger, user, ex.GetType().Name);
            return new Dictionary<string, string>();
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent a morning digest: {Due} due, {Theirs} waiting on them, {Mine} waiting on you")]
    private static partial void LogSent(ILogger logger, int due, int theirs, int mine);

    [LoggerMessage(Level = LogLevel.Information, Message = "The web links of {User}'s digest could not be read ({Failure}); its lines link through the deep link")]
    private static partial void LogWebLinksFailed(ILogger logger, string user, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The morning digest of {User} failed ({Failure}); the next round tries again")]
    private static partial void LogFailed(ILogger logger, string user, string failure);
}
