using Microsoft.Graph;
using Microsoft.Graph.Me.Messages.Item.CreateReplyAll;
using Microsoft.Graph.Models;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>Changes one mailbox with the Graph SDK: follow-up flags and reply-all drafts.</summary>
public sealed partial class GraphMailWriter(GraphServiceClient client) : IMailboxWriter
{
    /// <summary>What writing needs; named in the 403 the API answers when the token lacks it.</summary>
    private const string WritePermission = "Mail.ReadWrite";

    public async Task SetFlagAsync(string messageId, OutlookFlag flag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var body = new Message { Flag = ToGraph(flag) };
        await GraphFailures.CallAsync(
            () => client.Me.Messages[messageId].PatchAsync(body, c => GraphQuery.AddPreferences(c.Headers), cancellationToken),
            WritePermission,
            cancellationToken);
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
