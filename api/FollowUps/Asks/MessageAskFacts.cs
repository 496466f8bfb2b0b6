namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>The <see cref="AskFacts"/> of one message, from its addresses and the user's: for every mail source alike.</summary>
public static class MessageAskFacts
{
    /// <param name="message">The message, its addresses and subject read (its verdict not yet).</param>
    /// <param name="me">The user's addresses; empty when not known, so nothing is taken as written to the user.</param>
    /// <param name="inferenceClassification">Graph's Focused Inbox verdict, when the source has one.</param>
    public static AskFacts For(MailRecord message, IReadOnlyCollection<string> me, string? inferenceClassification = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(me);
        var mine = new HashSet<string>(me.Select(a => a.Trim()), StringComparer.OrdinalIgnoreCase);
        var myNames = new List<string>();
        var others = new List<string>();
        foreach (var recipient in message.To.Concat(message.Cc))
        {
            (mine.Contains(recipient.Address) ? myNames : others).Add(NameOf(recipient));
        }

        myNames.AddRange(mine.Select(a => NameOf(new MailAddress(a))));
        return new AskFacts
        {
            ToMe = message.To.Any(r => mine.Contains(r.Address)),
            MyNames = [.. myNames.Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            OtherRecipientNames = [.. others.Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            InferenceClassification = inferenceClassification,
            Subject = message.Subject,
        };
    }

    /// <summary>The display name, else the address's local part in words ("ana.silva@" is "ana silva").</summary>
    private static string NameOf(MailAddress address)
    {
        if (!string.IsNullOrWhiteSpace(address.Name))
        {
            return address.Name.Trim();
        }

        var at = address.Address.IndexOf('@', StringComparison.Ordinal);
        var local = at > 0 ? address.Address[..at] : address.Address;
        return string.Join(' ', local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsLetter)));
    }
}
