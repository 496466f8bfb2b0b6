using Microsoft.Graph.Me.SendMail;
using Microsoft.Graph.Models;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>Mail to oneself: the morning digest.</summary>
public sealed partial class GraphMailWriter
{
    /// <summary>What sending needs; named in the 403 when the token lacks it.</summary>
    private const string SendPermission = "Mail.Send";

    /// <summary>
    /// One <c>POST /me/sendMail</c> with <c>saveToSentItems</c> false: the digest lands in the Inbox only, so Sent Items
    /// (which the sync reads for follow-ups) never holds a mail of the product's own.
    /// </summary>
    public async Task SendToSelfAsync(string address, string subject, string html, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var body = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = html },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = address } }],
            },
            SaveToSentItems = false,
        };
        await GraphFailures.CallAsync(
            async () =>
            {
                await client.Me.SendMail.PostAsync(body, c => GraphQuery.AddPreferences(c.Headers), cancellationToken);
                return true;
            },
            SendPermission,
            cancellationToken);
    }
}
