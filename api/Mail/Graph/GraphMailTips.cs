using System.Globalization;
using Microsoft.Graph.Me.GetMailTips;
using Microsoft.Graph.Models;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Recipients' automatic replies through <c>POST /me/getMailTips</c> (<c>MailTipsOptions: automaticReplies</c>), and the
/// user's working hours from <c>mailboxSettings</c>. Both need only what the app already has (Mail.Read covers MailTips,
/// MailboxSettings.Read the working hours).
/// </summary>
public sealed partial class GraphMailReader : IMailTips
{
    /// <summary>Graph takes at most 100 addresses per getMailTips call.</summary>
    public const int MailTipsPerCall = 100;

    public async Task<IReadOnlyDictionary<string, AutomaticReply>> GetAutomaticRepliesAsync(
        IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, AutomaticReply>(StringComparer.Ordinal);
        var wanted = addresses.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in wanted.Chunk(MailTipsPerCall))
        {
            var body = new GetMailTipsPostRequestBody { EmailAddresses = [.. chunk], MailTipsOptions = MailTipsType.AutomaticReplies };
            var answer = await CallAsync(() => client.Me.GetMailTips.PostAsGetMailTipsPostResponseAsync(body, c => AddPreferences(c.Headers), cancellationToken), cancellationToken);
            foreach (var tips in answer?.Value ?? [])
            {
                if (tips.EmailAddress?.Address is not { Length: > 0 } address || tips.Error is not null)
                {
                    continue; // Graph could not tell for this one (unknown recipient, say): treated as not away
                }

                var key = address.Trim().ToLowerInvariant();
                var reply = tips.AutomaticReplies;
                found[key] = string.IsNullOrWhiteSpace(reply?.Message)
                    ? AutomaticReply.Off(key)
                    : new AutomaticReply(key, On: true, Instant(reply.ScheduledStartTime), Instant(reply.ScheduledEndTime));
            }
        }

        return found;
    }

    public async Task<WorkingHours?> GetWorkingHoursAsync(CancellationToken cancellationToken)
    {
        var settings = await CallAsync(() => client.Me.MailboxSettings.GetAsync(
            c =>
            {
                c.QueryParameters.Select = ["timeZone", "workingHours"];
                AddPreferences(c.Headers);
            },
            cancellationToken), cancellationToken, "MailboxSettings.Read");
        var zone = Zone(settings?.WorkingHours?.TimeZone?.Name) ?? Zone(settings?.TimeZone);
        if (zone is null)
        {
            return null;
        }

        var hours = settings!.WorkingHours;
        if (hours?.DaysOfWeek is not { Count: > 0 } days || hours.StartTime is not { } start || hours.EndTime is not { } end)
        {
            return null; // none set: the caller assumes WorkingHours.Default (Monday to Friday, 09:00-17:00)
        }

        return new WorkingHours(
            days.Where(d => d is not null).Select(d => Enum.Parse<DayOfWeek>(d!.Value.ToString(), ignoreCase: true)).ToHashSet(),
            new TimeOnly(start.Hour, start.Minute), new TimeOnly(end.Hour, end.Minute), zone);
    }

    private static TimeZoneInfo? Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    /// <summary>A dateTimeTimeZone as an instant; null when absent or unreadable.</summary>
    internal static DateTimeOffset? Instant(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { Length: > 0 } text
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = Zone(value.TimeZone) ?? TimeZoneInfo.Utc;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
