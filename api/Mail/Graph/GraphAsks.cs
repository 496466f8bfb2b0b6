using Microsoft.Graph.Models;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Rule 9 from what delta already carries: Graph's bodyPreview is the body's first 255 characters as text, its line
/// breaks collapsed, so it holds the message's whole new text when the new text ends inside it (quoted history or a
/// signature begins there), or when it is shorter than that and shows no sign of quoted history. The text is
/// classified here and dropped; only the verdict leaves.
/// </summary>
internal static partial class GraphAsks
{
    /// <summary>Graph cuts bodyPreview at 255 characters: a shorter one is the whole body.</summary>
    public const int PreviewLength = 255;

    /// <summary>The verdict when the preview decides it; null when only the message's uniqueBody can.</summary>
    public static AskVerdict? FromPreview(Message message, MailRecord record, AskContext asks) =>
        WholeNewText(message.BodyPreview) is { } text
            ? AskClassifier.Classify(text, asks.FactsOf(record, Inference(message)))
            : null;

    /// <summary>The message's own new text when the preview holds all of it, else null.</summary>
    public static string? WholeNewText(string? preview)
    {
        if (preview is null)
        {
            return null; // not read: unknown, not empty
        }

        if (Letters(preview) == 0)
        {
            return ""; // an empty body: nothing to read, which counts as asking
        }

        var text = NewText.Extract(preview);
        var kept = Letters(text);
        if (kept == 0)
        {
            return null; // everything looked like history or a signature: let uniqueBody say
        }

        // Cut short, the new text ended inside the preview; whitespace alone proves nothing.
        if (kept < Letters(preview))
        {
            return text;
        }

        // With its line breaks gone, a quote the extraction did not see may still hide in a short preview.
        return preview.Length < PreviewLength && !MayHoldHistory().IsMatch(preview) ? text : null;
    }

    /// <summary>Graph's Focused Inbox verdict as it spells it ("focused", "other"); null when not read.</summary>
    public static string? Inference(Message message) =>
        message.InferenceClassification is { } value ? value.ToString().ToLowerInvariant() : null;

    /// <summary>
    /// What quoted history leaves in a preview whatever the language: a "&gt;" quote, a separator rule, or a label's
    /// colon ("wrote:", "From:", "Von:", "De :"); a colon in a time or a link is not one.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|\s)>|[-_]{5}|[^\d\s/:]\s?:(?:\s|$)")]
    private static partial System.Text.RegularExpressions.Regex MayHoldHistory();

    private static int Letters(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return count;
    }
}
