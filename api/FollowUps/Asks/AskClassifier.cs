namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// Rule 9: does this message ask its recipients for something? A pure function over the message's own new text
/// (see <see cref="NewText"/>) and a few facts; no I/O. The text is never kept.
/// </summary>
public static class AskClassifier
{
    /// <summary>Classifies text that is already the message's own new text.</summary>
    public static AskVerdict Classify(string newText, AskFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return string.IsNullOrWhiteSpace(newText) ? AskVerdict.Unreadable : new AskVerdict(AskKind.Question);
    }

    /// <summary>Extracts the new text from a whole body (plain text or HTML) and classifies it.</summary>
    public static AskVerdict ClassifyBody(string? body, bool isHtml, AskFacts facts) =>
        body is null ? AskVerdict.Unreadable : Classify(NewText.Extract(body, isHtml), facts);
}
