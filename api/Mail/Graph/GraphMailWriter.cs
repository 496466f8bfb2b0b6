using Microsoft.Graph;
using Microsoft.Graph.Me.Messages.Item.CreateReplyAll;
using Microsoft.Graph.Models;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>Changes one mailbox with the Graph SDK: follow-up flags (with Outlook's own reminder) and reply-all drafts (to everyone, or to chosen recipients).</summary>
public sealed partial class GraphMailWriter(GraphServiceClient client, TimeProvider time, GraphOptions options) : IMailboxWriter
{
    /// <summary>PidLidReminderSet: Outlook raises a reminder for the item.</summary>
    public const string ReminderSetProperty = "Boolean {00062008-0000-0000-C000-000000000046} Id 0x8503";

    /// <summary>PidLidReminderTime: when the reminder is due (UTC).</summary>
    public const string ReminderTimeProperty = "SystemTime {00062008-0000-0000-C000-000000000046} Id 0x8502";

    /// <summary>PidLidReminderSignalTime: when Outlook shows it (UTC); the same time, nothing is snoozed yet.</summary>
    public const string ReminderSignalTimeProperty = "SystemTime {00062008-0000-0000-C000-000000000046} Id 0x8560";

    /// <summary>What writing needs; named in the 403 the API answers when the token lacks it.</summary>
    private const string WritePermission = "Mail.ReadWrite";

    public async Task SetFlagAsync(string messageId, OutlookFlag flag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var body = FlagPatch(flag);
        await GraphFailures.CallAsync(
            () => client.Me.Messages[messageId].PatchAsync(body, c => GraphQuery.AddPreferences(c.Headers), cancellationToken),
            WritePermission,
            cancellationToken);
    }

    /// <summary>Every flag write of the sweep as PATCH parts of <c>$batch</c>, 20 to a request; see <see cref="GraphBatch"/>.</summary>
    public async Task<IReadOnlyList<MailPartResult>> SetFlagsAsync(IReadOnlyList<FlagChange> changes, CancellationToken cancellationToken)
    {
        // Two changes of one message in one call: the later one is what the caller wants the flag to be.
        var latest = changes.GroupBy(c => c.MessageId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var parts = latest.Select(c =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(c.MessageId);
            return new GraphBatchPart(
                c.MessageId, () => client.Me.Messages[c.MessageId].ToPatchRequestInformation(FlagPatch(c.Flag), r => GraphQuery.AddBatchPartPreferences(r.Headers)));
        }).ToList();
        var outcomes = await new GraphBatch(client, time, options).SendAsync(parts, WritePermission, cancellationToken);
        return [.. changes.Select(c => new MailPartResult(c.MessageId, outcomes[c.MessageId].Failure))];
    }

    public async Task<string> CreateReplyAllDraftAsync(string messageId, string comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var body = new CreateReplyAllPostRequestBody { Comment = comment };
        var draft = await GraphFailures.CallAsync(
            () => client.Me.Messages[messageId].CreateReplyAll.PostAsync(body, c => GraphQuery.AddPreferences(c.Headers), cancellationToken),
            WritePermission,
            cancellationToken);
        return draft?.Id ?? throw new MailResponseException("Microsoft Graph created a reply draft without an id.");
    }

    /// <summary>
    /// The flag and, in the same PATCH, Outlook's reminder: on with its time when the flag asks for one, off when the flag
    /// is completed or cleared. A flag without a reminder time leaves the reminder as it is.
    /// </summary>
    internal static Message FlagPatch(OutlookFlag flag)
    {
        var message = new Message { Flag = ToGraph(flag) };
        if (flag.Status == OutlookFlagStatus.Flagged && flag.ReminderAt is { } at)
        {
            var utc = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            message.SingleValueExtendedProperties =
            [
                new() { Id = ReminderSetProperty, Value = "true" },
                new() { Id = ReminderTimeProperty, Value = utc },
                new() { Id = ReminderSignalTimeProperty, Value = utc },
            ];
        }
        else if (flag.Status != OutlookFlagStatus.Flagged)
        {
            message.SingleValueExtendedProperties = [new() { Id = ReminderSetProperty, Value = "false" }];
        }

        return message;
    }

    private static FollowupFlag ToGraph(OutlookFlag flag) => flag.Status switch
    {
        OutlookFlagStatus.Flagged => new FollowupFlag
        {
            FlagStatus = FollowupFlagStatus.Flagged,
            StartDateTime = Utc(flag.Start ?? throw new ArgumentException("A flag needs a start date.", nameof(flag))),
            DueDateTime = Utc(flag.Due ?? flag.Start.Value),
        },
        OutlookFlagStatus.Complete => new FollowupFlag { FlagStatus = FollowupFlagStatus.Complete },
        _ => new FollowupFlag { FlagStatus = FollowupFlagStatus.NotFlagged },
    };

    private static DateTimeTimeZone Utc(DateTimeOffset instant) => new()
    {
        DateTime = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };
}
