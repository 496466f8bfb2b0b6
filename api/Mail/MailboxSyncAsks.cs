using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Mail;

/// <summary>
/// Whose mailbox a message's text is read for (rule 9): the user's addresses and the names they go by. A reader that
/// reads text (Graph's bodyPreview and uniqueBody) classifies it with the facts built here and keeps only the verdict.
/// </summary>
/// <param name="MyNames">The user's display name when known; the names mail gives the user's addresses are added per message.</param>
public sealed record AskContext(IReadOnlyCollection<string> Me, IReadOnlyList<string> MyNames)
{
    /// <summary>The classifier's facts besides the text, from the message's own metadata.</summary>
    /// <param name="inferenceClassification">Graph's Focused Inbox verdict ("focused", "other"), when read.</param>
    public AskFacts FactsOf(MailRecord message, string? inferenceClassification)
    {
        var me = new HashSet<string>(Me, StringComparer.OrdinalIgnoreCase);
        var recipients = message.To.Concat(message.Cc).ToList();
        var myNames = MyNames
            .Concat(recipients.Where(r => me.Contains(r.Address)).Select(r => r.Name))
            .Concat(me.Contains(message.From) ? [message.FromName] : [])
            .Where(n => !string.IsNullOrWhiteSpace(n) && !n.Contains('@', StringComparison.Ordinal))
            .Select(n => n!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return new AskFacts
        {
            ToMe = message.To.Any(r => me.Contains(r.Address)),
            MyNames = myNames,
            OtherRecipientNames = [.. recipients
                .Where(r => !me.Contains(r.Address) && !string.IsNullOrWhiteSpace(r.Name) && !r.Name.Contains('@', StringComparison.Ordinal))
                .Select(r => r.Name!.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase)],
            InferenceClassification = inferenceClassification,
            Subject = message.Subject,
        };
    }
}
