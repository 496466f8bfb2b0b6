using Microsoft.Graph.Me.Messages.Item.CreateReplyAll;
using Microsoft.Graph.Models;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>Reply drafts to chosen recipients: a group thread's nudge to those who have not answered.</summary>
public sealed partial class GraphMailWriter
{
    /// <summary>
    /// One <c>createReplyAll</c> whose <c>message</c> parameter sets the draft's writable properties: To is the given
    /// recipients and Cc empty, so the draft stays in the conversation, quoting the original, without the others.
    /// </summary>
    public async Task<string> CreateReplyAllDraftAsync(string messageId, string comment, IReadOnlyList<MailAddress> to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        if (to.Count == 0)
        {
            throw new ArgumentException("A reply draft needs at least one recipient.", nameof(to));
        }

        var body = new CreateReplyAllPostRequestBody
        {
            Comment = comment,
            Message = new Message
            {
                ToRecipients = [.. to.Select(r => new Recipient { EmailAddress = new EmailAddress { Address = r.Address, Name = r.Name } })],
                CcRecipients = [],
            },
        };
        var draft = await GraphFailures.CallAsync(
            () => client.Me.Messages[messageId].CreateReplyAll.PostAsync(body, c => GraphQuery.AddPreferences(c.Headers), cancellationToken),
            WritePermission,
            cancellationToken);
        return draft?.Id ?? throw new MailResponseException("Microsoft Graph created a reply draft without an id.");
    }
}
